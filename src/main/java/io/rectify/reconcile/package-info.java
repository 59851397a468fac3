/**
 * Reconciliation of a period's returns and review workbooks against the master ledger and the earlier
 * periods (docs/RETURNS.md, docs/REVIEWS.md, docs/RULES.md). Each workbook is checked on its own as it is read
 * ({@link io.rectify.reconcile.Reconciler#checks}, {@link io.rectify.reconcile.PeriodChecks#check}: file-scope
 * rules, and the row rules of a file that passes them) so that its cells can be dropped at once;
 * {@link io.rectify.reconcile.Reconciler#reconcile} then decides the period from those compact
 * results (duplicates, superseding, the period's reviews, task rules) and replaces everything stored for
 * the period (return_file, return_row, institution, accountability, task_status with its sign-off,
 * extension_request, deadline_extension, review_file, review_decision, rule_exception) in one
 * transaction, and drops the period's period_fingerprint (what the nightly job records of the
 * inputs it reconciled it from). The row exceptions of a file that is not used are dropped, so
 * the result is the same as checking the used files' rows only.
 *
 * <p>The finer choices:
 * <ul>
 *   <li>单位代码 is folded with {@code Texts.code}; a unit's name typed into the code cell is taken
 *       as that unit. When the code is unknown but 单位名称 names a unit, unknown-unit is filed under
 *       that unit (and group) so that its supervisors see it; the file is still rejected.</li>
 *   <li>A rejected file is attributed to a unit whenever anything tells it
 *       ({@link io.rectify.reconcile.UnitClues}): for a file the reader refused, the first of the
 *       texts it found (单位代码 / 单位名称 values, marker, any sheet's 单位代码; by code, folded code or
 *       name) that names a unit; for refused and unknown-unit files alike, else the file name, else
 *       a folder name (innermost first): a unit code as a whole token ({@code U07-3月报送.xlsx}, not
 *       {@code U070.xlsx}), else a unit name, the longest one; two units named is none. Its
 *       exception then carries the unit and group, return_file.unit_code is set, and a unit whose
 *       files were all rejected gets a missing-return naming each file and why it was not taken.
 *       Duplicates keep their original's unit, superseded files their own, skipped files none.</li>
 *   <li>An unreadable 报送日期 is treated as absent: the last-modified day (Asia/Shanghai) counts.
 *       The cut-off is day 报送截止日 of the following month (clamped to the month's length); a
 *       return submitted on that day is on time. Of several acceptable files of a unit the latest by
 *       that submission day, then last-modified time, then path is used. Warnings of a file
 *       (template-outdated, late-submission) are given for the used file only; superseded and
 *       duplicate files get their info entry and nothing else.</li>
 *   <li>Row identity checks come first and stop the row (unknown-task, not-assigned, then
 *       duplicate-task-row, counting every earlier row of the task, accepted or not); then the
 *       status, and for 已完成 missing-completion-date / invalid-date. A cooperating unit's row
 *       whose 整改状态, 完成日期, 进展情况 and 佐证材料 are all blank reports nothing and is no
 *       exception (nor a duplicate of a later row). A blank 整改状态 is task-not-reported on the
 *       status cell (the row is not taken; for a lead task the previous status is carried forward,
 *       and the return-wide task-not-reported is not given again); invalid-status is only for a
 *       written value that is not one of the three statuses after synonyms, and its message lists
 *       them. Warnings (missing-evidence, ledger-field-changed) are given on accepted rows only. A
 *       completion date on a row that is not 已完成 is ignored (neither checked nor stored).</li>
 *   <li>Rejected rows are kept only as their exceptions (rule_exception: period, unit, task, a
 *       row-scope error); the receipt and the next period's template read them from there, for a
 *       task of which no row of the unit was accepted.</li>
 *   <li>ledger-field-changed: blank copied cells are not flagged; texts are compared folded
 *       (white space, full-width forms, case); 完成时限 as the ledger's words or any written form of
 *       the day they name (2024年6月前 copied as 2024-06-30 or 2024年6月底), or 长期坚持;
 *       责任类型 must name the unit's actual role (牵头 / 配合, "牵头单位" is fine).</li>
 *   <li>制度建设 / 问责情况: every bad cell of a row is reported and the row rejected. 印发日期 is bad
 *       when unreadable or after the submission date. 人数 may be a number or text such as "3人".
 *       A reference cell may hold several codes (、,，;；); only the unknown ones are named.
 *       An accepted file's sheet replaces the unit's list (return_file.has_institutions /
 *       has_accountability) when it is present and empty, or when at least one row was accepted;
 *       an absent sheet, or one whose rows were all rejected, leaves the earlier list in force.</li>
 *   <li>duplicate-institution ({@link io.rectify.reconcile.InstitutionIdentity}): within a return
 *       the later rows are flagged and not stored; across units every row of this period's used
 *       returns whose institution is also in another unit's list in force is flagged, naming the
 *       other units (both units are told; the district total counts it once).</li>
 *   <li>Task rules run once per ledger task for the period reconciled, against the task_status of
 *       the latest earlier period stored. regression and completion-date-changed compare with that
 *       status. completed-late is reported in the period whose return first gives the (late)
 *       completion date, not again while later returns repeat it. overdue / due-soon point at the
 *       lead unit's status cell when it reported the task this period.</li>
 *   <li>延期申请 ({@link io.rectify.reconcile.ExtensionRequestCheck}): identity checks stop the row
 *       (unknown or blank task, extension-not-lead, the same task in an earlier row, 长期坚持, then
 *       extension-too-late when the deadline in force was before the 报送日期); then every bad cell
 *       (申请延期至 blank, unreadable or not after the deadline in force; 延期理由 blank) is reported and
 *       the row rejected. Accepted rows of the used return go to extension_request.</li>
 *   <li>Reviews ({@link io.rectify.reconcile.ReviewTriage}, {@link io.rectify.reconcile.ReviewCheck}): after the
 *       returns' rollup, a task 已完成 with a completion date and evidence on the lead row that set it is 待销号
 *       (已销号 stays so while it is still 已完成); the period's accepted review workbooks then sign tasks off,
 *       return them (signoff-returned) or reopen them on a failed 回头看 (recheck-failed), before the task rules
 *       run. A review workbook's exceptions carry the group, never a unit, and name the file from the input
 *       folder (reviews/&lt;period&gt;/…).</li>
 *   <li>Deadlines in force: a period's checks use the ledger with the extensions granted in earlier
 *       periods (ledger-field-changed and the requests see them); the period's own 延期审批表 decisions
 *       ({@link io.rectify.reconcile.DecidedExtensions}) then move the deadlines the task rules judge by,
 *       are told to the lead unit (extension-granted / extension-refused, on its request's cell) and are
 *       stored in deadline_extension with the period's other state.</li>
 *   <li>A period is judged with one ledger version ({@link io.rectify.reconcile.Reconciler#versionFor}),
 *       recorded in period_ledger with its state: the current one for the run's latest period, the one
 *       it was last judged with for any other (so a ledger edit leaves published periods as they were),
 *       today's for an earlier period only when the nightly job is asked to re-judge it.
 *       template-outdated: the template's version (its marker hash) is older than the period's, or
 *       unknown to the database; a newer template is fine.</li>
 *   <li>Exceptions are stored in report order: group, unit (ledger order, none last), file (none
 *       first), sheet, row (none first), column, rule (docs/RULES.md order), task, message.</li>
 * </ul>
 */
package io.rectify.reconcile;
