package io.rectify.consolidate;

/** Institutions (制度建设) of the district, each counted once: 新建 (created) and 修订 (revised). */
public record InstitutionCount(int created, int revised) {

    public static final String CREATED = "新建";
    public static final String REVISED = "修订";
}
