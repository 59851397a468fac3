/**
 * The domain words every package shares, defined once: the rule codes ({@link io.rectify.rule.Rule})
 * and their severities, the exception list's line, the task statuses
 * ({@link io.rectify.rule.TaskStatus}) and what became of a file ({@link io.rectify.rule.FileOutcome}).
 * A leaf package: it uses no other Rectify package.
 */
package io.rectify.rule;
