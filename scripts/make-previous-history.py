"""Writes test/fixtures/history/previous-layout.xlsx with openpyxl (run with Debian's /usr/bin/python3).

The handmade workbook of test/support/xlsx.ts (Helpdesk support calls, January 31 x 412, February
29 x 319.7, target -20 % from 1 Feb 2024 for a month, reward 5000 to team Service) with the KPI History
sheet as kpi-rewards wrote it before KpiRunResults moved beside KpiRuns: KpiRuns from A1, KpiRunResults
two rows under its last run. Two runs: as of 15 Feb 2024 (Pending) and 1 Mar 2024 (Met, approved).
"""
import datetime
import os

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import Table

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures", "history", "previous-layout.xlsx")

wb = Workbook()
targets = wb.active
targets.title = "Targets"
targets.append(["Project", "KPI", "Start", "Window", "Target", "Reward", "Team"])
targets.append(["Helpdesk", "Support calls", datetime.date(2024, 2, 1), "1 month", -0.2, 5000, "Service"])
targets["C2"].number_format = "yyyy-mm-dd"

observations = wb.create_sheet("Observations")
observations.append(["Project", "KPI", "Date", "Value"])
day = datetime.date(2024, 1, 1)
while day < datetime.date(2024, 3, 1):
    observations.append(["Helpdesk", "Support calls", day, 412 if day.month == 1 else 319.7])
    observations.cell(row=observations.max_row, column=3).number_format = "yyyy-mm-dd"
    day += datetime.timedelta(days=1)

history = wb.create_sheet("KPI History")
runs_header = ["Run", "As of", "Evaluated at", "Targets", "Met", "Missed", "Pending", "Review",
               "Total reward", "Inputs", "Approved by", "Approved at"]
results_header = ["Run", "Project", "KPI", "Team", "Status", "Baseline", "Actual", "Attainment",
                  "Payout", "Start", "Observations"]
history.append(runs_header)
history.append([1, datetime.date(2024, 2, 15), datetime.datetime(2024, 2, 16, 9, 0), 1, 0, 0, 1, 0, 0,
                "0123456789abcdef0123456789abcdef", None, None])
history.append([2, datetime.date(2024, 3, 1), datetime.datetime(2024, 3, 2, 10, 30), 1, 1, 0, 0, 0, 5000,
                "fedcba9876543210fedcba9876543210", "Ann Lee", datetime.datetime(2024, 3, 4, 8, 15)])
history.append([])
history.append([])
history.append(results_header)
history.append([1, "Helpdesk", "Support calls", "Service", "Pending", 412, 319.7, 1.1201, 0,
                datetime.date(2024, 2, 1), 14])
history.append([2, "Helpdesk", "Support calls", "Service", "Met", 412, 319.7, 1.1201, 5000,
                datetime.date(2024, 2, 1), 29])
history.add_table(Table(displayName="KpiRuns", ref="A1:L3"))
history.add_table(Table(displayName="KpiRunResults", ref="A6:K8"))
wb.defined_names.append(
    DefinedName(name="KpiRewards_Owner", localSheetId=2, attr_text="'KPI History'!$A$1")
)
wb.save(OUT)
print(OUT)
