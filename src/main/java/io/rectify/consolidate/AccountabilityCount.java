package io.rectify.consolidate;

/** Numbers of people held accountable (问责), by 类型, summed over the units' current lists. */
public record AccountabilityCount(int caseFiled, int disciplined, int admonished, int organizational) {

    public static final String CASE_FILED = "党纪政务立案";
    public static final String DISCIPLINED = "党纪政务处分";
    public static final String ADMONISHED = "诫勉谈话";
    public static final String ORGANIZATIONAL = "组织处理";

    public int total() {
        return caseFiled + disciplined + admonished + organizational;
    }
}
