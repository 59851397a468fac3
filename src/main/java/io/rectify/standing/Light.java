package io.rectify.standing;

/**
 * The traffic light (红黄绿灯) of a unit, a supervision group or a problem, as every output shows it.
 * Red: overdue tasks, regressed tasks or no accepted return (statuses carried forward); yellow: tasks
 * due soon, a late return or errors to fix; green: none of these.
 */
public enum Light {
    RED("红"),
    YELLOW("黄"),
    GREEN("绿");

    private final String word;

    Light(String word) {
        this.word = word;
    }

    /** The one Chinese character shown in the 红绿灯 column. */
    public String word() {
        return word;
    }
}
