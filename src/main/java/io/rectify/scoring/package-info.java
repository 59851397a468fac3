/**
 * The monthly score (考核, docs/OUTPUTS.md): per unit and period, {@link io.rectify.rule.ScoreItem#FULL_SCORE}
 * less the points of the unit's stored exceptions of the period, itemised by {@link io.rectify.rule.ScoreItem},
 * the points from the ledger's deduction table (考核规则) or the defaults.
 */
package io.rectify.scoring;
