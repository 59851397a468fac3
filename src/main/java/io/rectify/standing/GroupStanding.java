package io.rectify.standing;

import io.rectify.consolidate.GroupFigures;
import java.util.List;

/** A supervision group's place in the period: 1 is the group furthest behind. */
public record GroupStanding(int rank, GroupFigures group, Light light, List<String> reasons) {
}
