package io.rectify.check;

import java.nio.file.Path;
import java.util.Optional;

/** STAND-IN for part A's CheckedFiles until it lands on main. */
public record CheckedFiles(Path receipt, Optional<Path> marked) {
}
