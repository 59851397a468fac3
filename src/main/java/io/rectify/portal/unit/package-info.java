/**
 * The unit's door (docs/PORTAL.md, "The unit's pages" and "The JSON API"): a unit checks and
 * uploads its return and gets the receipt at once, on the same checks the nightly runs.
 * {@link io.rectify.portal.unit.Submissions} streams an upload to a file, checks it with
 * {@code io.rectify.check.ReturnCheck}, records it in table {@code upload} with its receipt and marked
 * copy in {@code <data>/uploads/<id>/}, and stores an accepted return in {@code <input>/returns/<period>/}
 * under a generated name ({@link io.rectify.portal.unit.StoredReturns}); the pages
 * ({@code UnitPages}) and the API ({@code ReturnsApi}) are two faces of it.
 */
package io.rectify.portal.unit;
