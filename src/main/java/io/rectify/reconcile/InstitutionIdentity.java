package io.rectify.reconcile;

import io.rectify.workbook.Texts;

/**
 * When two reported institutions are the same one (same 文号, or same 制度名称 where there
 * is no 文号). Both are compared as keys: white space, full-width forms and letter case ignored,
 * the brackets around a 文号's year (〔〕 [] 【】 ()) taken as one, the book-title marks and quotes
 * around a name dropped. institution.doc_key and institution.name_key hold these keys.
 */
public final class InstitutionIdentity {

    /**
     * The keys of one institution.
     *
     * @param docKey  null when it has no 文号
     */
    public record Key(String docKey, String nameKey) {

        public static Key of(String docNo, String name) {
            return new Key(InstitutionIdentity.docKey(docNo), InstitutionIdentity.nameKey(name));
        }

        /** Same 文号 when both have one; same name when either has none. */
        public boolean same(Key other) {
            if (docKey != null && other.docKey != null) {
                return docKey.equals(other.docKey);
            }
            return nameKey.equals(other.nameKey);
        }
    }

    private InstitutionIdentity() {
    }

    /** The comparable form of a 文号, null when it is blank. */
    public static String docKey(String docNo) {
        String key = Texts.code(docNo);
        if (key.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(switch (c) {
                case '[', '【', '(', '〖' -> '〔';
                case ']', '】', ')', '〗' -> '〕';
                default -> c;
            });
        }
        return out.toString();
    }

    /** The comparable form of a 制度名称. */
    public static String nameKey(String name) {
        return Texts.code(name).replaceAll("[《》〈〉“”\"'‘’「」]", "");
    }
}
