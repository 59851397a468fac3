package io.rectify.intake;

import java.util.Map;
import java.util.Optional;

/**
 * A unit's return (报送表) as read from its workbook, before any check against the ledger.
 *
 * @param file           the path relative to the period folder, '/' separated
 * @param metadata       the metadata block of 整改进展 by label (单位代码, 单位名称, 报送期次, 报送日期, 填报人, 联系电话):
 *                       a label found without a value gives a field whose text is "" and whose row and
 *                       column are where the value belongs; a label not found gives no field. 单位代码 and
 *                       报送期次 are always present in a return that was read (without them it is template-mismatch)
 * @param progress       the 整改进展 table
 * @param institutions   the 制度建设 table, empty when the sheet is absent (a blank sheet gives a table without rows)
 * @param accountability the 问责情况 table, empty when the sheet is absent (a blank sheet gives a table without rows)
 * @param extensions     the 延期申请 table (the unit's requests to extend its tasks' deadlines), empty when the sheet
 *                       is absent (a blank sheet gives a table without rows)
 * @param ledgerMarker   the ledger version hash of the template the file was made from, when it carries the marker
 * @param markerUnit     the unit the template was made for, as its marker names it, when it carries the marker
 */
public record UnitReturn(String file, Map<String, MetadataField> metadata, SheetTable progress,
                         Optional<SheetTable> institutions, Optional<SheetTable> accountability,
                         Optional<SheetTable> extensions,
                         Optional<String> ledgerMarker, Optional<String> markerUnit) {

    public Optional<MetadataField> field(String label) {
        return Optional.ofNullable(metadata.get(label));
    }
}
