package io.rectify.portal.group;

import io.rectify.consolidate.Consolidation;
import io.rectify.standing.Standings;

/** A stored period as the nightly's outputs show it: its consolidation and who is furthest behind. */
record PeriodState(Consolidation consolidation, Standings standings) {
}
