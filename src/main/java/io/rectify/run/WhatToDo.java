package io.rectify.run;

import org.springframework.stereotype.Component;

/** The line that tells the office what to do about an execution that did not complete. */
@Component
class WhatToDo {

    private final Invocation invocation;

    WhatToDo(Invocation invocation) {
        this.invocation = invocation;
    }

    /** What to do about the execution; null when nothing is to be done. */
    String about(ExecutionRecord execution) {
        if (!execution.restartable()) {
            return null;
        }
        String restart = invocation.of("restart", execution);
        String abandon = invocation.of("abandon", execution);
        return switch (execution.state()) {
            case FAILED -> "排除上述原因后运行 " + restart + "，从失败的那一步继续；不再需要时运行 " + abandon;
            case STOPPED -> "运行 " + restart + "，从停下的地方继续；不再需要时运行 " + abandon;
            case INTERRUPTED -> "运行 " + restart + "，从中断的那一步继续；不再需要时运行 " + abandon;
            default -> null;
        };
    }
}
