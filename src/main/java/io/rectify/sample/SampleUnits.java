package io.rectify.sample;

import io.rectify.ledger.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 54 responsible units of the sample and their 5 supervision groups, read from
 * {@code sample/units.txt}. Codes are U01, U02, ... in the file's order; contacts and phone numbers
 * are made up (phones 021-5555xxxx, plainly not real numbers).
 */
final class SampleUnits {

    static final String RESOURCE = "units.txt";

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙",
            "朱", "马", "胡", "郭", "林", "何"};
    private static final String[] GIVEN_NAMES = {"伟", "晓敏", "静", "志强", "丽华", "磊", "文杰", "海燕", "军", "雪梅",
            "建国", "佳怡", "涛", "玉兰", "俊", "晨", "红霞", "斌", "一鸣", "慧"};
    /** Shorthands a ledger line may give instead of a lead unit: one task for each unit meant. */
    private static final List<String> TOWNS = List.of("莘庄镇", "七宝镇", "颛桥镇", "华漕镇", "虹桥镇", "梅陇镇", "吴泾镇",
            "马桥镇", "浦江镇");
    private static final List<String> STREETS = List.of("江川路街道", "古美路街道", "新虹街道", "浦锦街道");

    private final List<String> groups = new ArrayList<>();
    private final Map<String, Unit> byName = new LinkedHashMap<>();

    SampleUnits() {
        for (SampleText.Line line : SampleText.lines(RESOURCE)) {
            int colon = line.text().indexOf('：');
            if (colon < 0) {
                throw line.error("expected <督查组>：<unit>、<unit>...");
            }
            String group = line.text().substring(0, colon);
            groups.add(group);
            for (String name : line.text().substring(colon + 1).split("、")) {
                int i = byName.size();
                String contact = SURNAMES[i % SURNAMES.length] + GIVEN_NAMES[(7 * i + 3) % GIVEN_NAMES.length];
                String phone = "021-5555%04d".formatted(i + 1);
                if (byName.putIfAbsent(name, new Unit("U%02d".formatted(i + 1), name, group, contact, phone)) != null) {
                    throw line.error("unit " + name + " listed twice");
                }
            }
        }
    }

    List<String> groups() {
        return List.copyOf(groups);
    }

    List<Unit> units() {
        return List.copyOf(byName.values());
    }

    /** The units a ledger line names: one name, names separated by 、, or 各镇 / 各街道 / 各街镇. */
    List<Unit> resolve(String names, SampleText.Line line) {
        List<String> list = switch (names) {
            case "各镇" -> TOWNS;
            case "各街道" -> STREETS;
            case "各街镇" -> concat(STREETS, TOWNS);
            default -> List.of(names.split("、"));
        };
        List<Unit> units = new ArrayList<>();
        for (String name : list) {
            Unit unit = byName.get(name.strip());
            if (unit == null) {
                throw line.error("no unit named " + name);
            }
            units.add(unit);
        }
        return units;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
