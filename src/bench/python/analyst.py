#!/usr/bin/python3
"""What an analyst would write instead of Rectify: pandas + openpyxl over the ledger and the
period's returns, computing the headline figures of Rectify's summary.json as the files say them.

It checks nothing: every row is taken as written (a status that is none of the three, 已完成 without
or with an unreadable completion date, an institution listed by two units, a file that is not a
return), which is where its figures and Rectify's differ. The benchmark harness times it as a whole
process on the city's files and compares its output with summary.json (docs/BENCHMARKS.md).

Usage: /usr/bin/python3 analyst.py INPUT_DIR PERIOD OUT.json
  INPUT_DIR holds master/整改台账.xlsx and returns/PERIOD/*.xlsx; PERIOD is YYYY-MM.
Needs Debian's python3-pandas and python3-openpyxl (src/bench/python/ensure-pandas installs them).
"""
import calendar
import glob
import json
import os
import sys

import pandas as pd

STATUSES = ("已完成", "推进中", "未启动")


def table(sheet, header_row):
    """The rows under header_row of a sheet read without headers, named by that row."""
    body = sheet.iloc[header_row + 1:].copy()
    body.columns = [str(c).strip() for c in sheet.iloc[header_row]]
    return body.dropna(how="all")


def counts(statuses, deadlines, as_of):
    done = statuses == "已完成"
    return {
        "total": int(len(statuses)),
        "completed": int(done.sum()),
        "inProgress": int((statuses == "推进中").sum()),
        "notStarted": int((~statuses.isin(STATUSES[:2])).sum()),
        "overdue": int(((deadlines < as_of) & ~done).sum()),
    }


def main(input_dir, period, out):
    ledger_file = os.path.join(input_dir, "master", "整改台账.xlsx")
    ledger = pd.read_excel(ledger_file, sheet_name=None, header=None, dtype=object)
    tasks = table(ledger["任务清单"], 0)
    problems = table(ledger["问题清单"], 0)
    year, month = (int(p) for p in period.split("-"))
    as_of = pd.Timestamp(year, month, calendar.monthrange(year, month)[1])

    rows, institutions, accountability, submitted = [], [], [], set()
    for path in sorted(glob.glob(os.path.join(input_dir, "returns", period, "**", "*.xls*"), recursive=True)):
        sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object)
        progress = sheets["整改进展"]
        unit = str(progress.iat[1, 1]).strip()
        submitted.add(unit)
        rows.append(table(progress, 3))
        institutions.append(table(sheets["制度建设"], 0))
        accountability.append(table(sheets["问责情况"], 0))

    reported = pd.concat(rows) if rows else pd.DataFrame(columns=["任务编号", "整改状态"])
    latest = reported.drop_duplicates("任务编号", keep="last").set_index("任务编号")["整改状态"]
    tasks["状态"] = tasks["任务编号"].map(latest).fillna("未启动")
    tasks["时限"] = pd.to_datetime(tasks["完成时限"], errors="coerce")

    by_problem = tasks.groupby("问题编号")["状态"].agg(lambda s: bool((s == "已完成").all()))
    lead_units = [u for u in tasks["牵头单位"].dropna().astype(str).unique()]
    institution_rows = pd.concat(institutions) if institutions else pd.DataFrame(columns=["类型"])
    people = pd.concat(accountability) if accountability else pd.DataFrame(columns=["类型", "人数"])
    people_by_kind = pd.to_numeric(people["人数"], errors="coerce").groupby(people["类型"]).sum()

    figures = {
        "period": period,
        "asOf": as_of.strftime("%Y-%m-%d"),
        "problems": {"total": int(len(problems)), "completed": int(by_problem.sum())},
        "tasks": counts(tasks["状态"], tasks["时限"], as_of),
        "accountability": {key: int(people_by_kind.get(kind, 0)) for key, kind in
                           (("caseFiled", "党纪政务立案"), ("disciplined", "党纪政务处分"),
                            ("admonished", "诫勉谈话"), ("organizational", "组织处理"))},
        "institutions": {"created": int((institution_rows["类型"] == "新建").sum()),
                         "revised": int((institution_rows["类型"] == "修订").sum())},
        "submissions": {"expected": len(lead_units),
                        "accepted": len([u for u in lead_units if u in submitted]),
                        "missing": len([u for u in lead_units if u not in submitted])},
        "byUnit": [{"code": code, "tasks": counts(group["状态"], group["时限"], as_of)}
                   for code, group in tasks.groupby("牵头单位", sort=False)],
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(figures, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
