package io.rectify.intake;

import java.util.Map;
import java.util.Optional;

/**
 * A filled review workbook (docs/REVIEWS.md) as read from {@code input/reviews/<period>/}, before any check
 * against the ledger or the period's state.
 *
 * @param file     the path relative to the period's reviews folder, '/' separated
 * @param kind     which review workbook it is: told by its marker, else by its sheets
 * @param metadata the metadata block of its first table sheet by label ({@link ReviewLayout#SIGN_OFF_LABELS} or
 *                 {@link ReviewLayout#EXTENSION_LABELS}), found as a return's is: a label without value gives a
 *                 field whose text is "" located where the value belongs; a label not found gives no field
 * @param metadataSheet the sheet the metadata block was read from
 * @param signOff  the 销号审核 table (kind SIGN_OFF), empty when the sheet is absent
 * @param recheck  the 回头看 table (kind SIGN_OFF), empty when the sheet is absent
 * @param extension the 延期审批 table (kind EXTENSION)
 * @param marker   the hidden marker's values by key ({@link ReviewLayout#KIND}, {@link TemplateMarker#PERIOD},
 *                 {@link ReviewLayout#GROUP}, {@link TemplateMarker#LEDGER_VERSION}); empty when it has none
 */
public record ReviewWorkbook(String file, Kind kind, Map<String, MetadataField> metadata, String metadataSheet,
                             Optional<SheetTable> signOff, Optional<SheetTable> recheck,
                             Optional<SheetTable> extension, Map<String, String> marker) {

    public enum Kind { SIGN_OFF, EXTENSION }

    public Optional<MetadataField> field(String label) {
        return Optional.ofNullable(metadata.get(label));
    }
}
