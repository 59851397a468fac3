package io.rectify.check;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link CheckOutputs} wrote for one checked return.
 *
 * @param receipt the check receipt (检查回执)
 * @param marked  the unit's file with its exceptions marked; empty when it cannot be opened as a workbook or
 *                has nothing to mark
 */
public record CheckedFiles(Path receipt, Optional<Path> marked) {
}
