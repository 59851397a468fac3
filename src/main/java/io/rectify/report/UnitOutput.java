package io.rectify.report;

/**
 * One of a unit's outputs in a period folder (its receipt, marked copy or 督办单) as written: what the nightly
 * keeps of it (V11 unit_output) so that the next run takes the file over instead of writing it again when
 * what the unit's outputs show is unchanged.
 *
 * @param file     relative to the period folder
 * @param unitCode the unit it is written for
 * @param digest   the digest of everything the unit's outputs show, the build that writes them included
 * @param sha256   the file's SHA-256: a file changed since, by anyone, is written again
 */
public record UnitOutput(String file, String unitCode, String digest, String sha256) {
}
