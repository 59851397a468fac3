package io.rectify.template;

/** A row of the 问责情况 list a template is prefilled with (the unit's latest accepted list). */
public record AccountabilityLine(String kind, int persons, String problemRef, String note) {
}
