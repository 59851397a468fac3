package io.rectify.intake;

import java.util.Map;
import java.util.Optional;

/**
 * A unit's return (报送表) as read from its workbook, before any check against the ledger.
 *
 * @param file           the path relative to the period folder, '/' separated
 * @param metadata       the metadata block of 整改进展 by label (单位代码, 单位名称, 报送期次, 报送日期, 填报人, 联系电话)
 * @param progress       the 整改进展 table
 * @param institutions   the 制度建设 table, empty when the sheet is absent
 * @param accountability the 问责情况 table, empty when the sheet is absent
 * @param ledgerMarker   the ledger version hash of the template the file was made from, when it carries the marker
 */
public record UnitReturn(String file, Map<String, MetadataField> metadata, SheetTable progress,
                         Optional<SheetTable> institutions, Optional<SheetTable> accountability,
                         Optional<String> ledgerMarker) {

    public Optional<MetadataField> field(String label) {
        return Optional.ofNullable(metadata.get(label));
    }
}
