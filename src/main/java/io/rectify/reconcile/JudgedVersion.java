package io.rectify.reconcile;

import io.rectify.ledger.LedgerVersion;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger version a period is judged with, and the import order of every version by content
 * hash: a template's hidden marker names the version it was made from.
 *
 * @param version the version the period is judged with; empty when no ledger was imported
 * @param order   the id (import order) of every version imported, by content hash
 */
record JudgedVersion(Optional<LedgerVersion> version, Map<String, Long> order) {

    /**
     * Why a return made from the template marked {@code marker} is template-outdated for the period:
     * its version is older than the period's, or no version imported has that hash. Empty when it is
     * the period's version or a later one (a return of an earlier period filled in on a newer template).
     */
    Optional<String> outdated(String marker) {
        if (marker == null || marker.isBlank() || version.isEmpty()) {
            return Optional.empty();
        }
        Long id = order.get(marker);
        if (id == null) {
            return Optional.of("本报送表的模板标记的台账版本在本系统中不存在（模板可能不是由本系统生成，或被复制改动过）；"
                    + "本次报送仍予受理，下期请下载最新模板填报");
        }
        return id < version.get().id()
                ? Optional.of("本报送表由旧版台账生成的模板填报，本期适用的台账此后已更新；本次报送仍予受理，下期请下载最新模板填报")
                : Optional.empty();
    }
}
