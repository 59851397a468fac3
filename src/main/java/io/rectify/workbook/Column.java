package io.rectify.workbook;

import java.util.List;

/** A column of a table, found by its header text or one of its synonyms. */
public record Column(String name, List<String> synonyms, boolean required) {

    public static Column required(String name, String... synonyms) {
        return new Column(name, List.of(synonyms), true);
    }

    public static Column optional(String name, String... synonyms) {
        return new Column(name, List.of(synonyms), false);
    }

    boolean matches(String headerText) {
        String header = Texts.header(headerText);
        return header.equals(name) || synonyms.contains(header);
    }
}
