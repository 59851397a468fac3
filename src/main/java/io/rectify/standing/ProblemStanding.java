package io.rectify.standing;

import io.rectify.consolidate.ProblemFigures;
import java.util.List;

/** A problem's place in the period: 1 is the problem furthest behind. */
public record ProblemStanding(int rank, ProblemFigures problem, Light light, List<String> reasons) {
}
