package io.rectify.template;

import java.time.LocalDate;

/** A row of the 制度建设 list a template is prefilled with (the unit's latest accepted list). */
public record InstitutionLine(String name, String docNo, String kind, LocalDate issuedOn, String taskRef) {
}
