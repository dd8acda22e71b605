"""Writes the openpyxl part of the reader corpus (run by scripts/make-corpus.ts with Debian's python3).

Usage: /usr/bin/python3 scripts/make-corpus-openpyxl.py OUTPUT_FOLDER
"""
import datetime
import sys

from openpyxl import Workbook

out = sys.argv[1]


def targets(ws):
    # Reward as a formula: openpyxl saves no result for it, as pandas/openpyxl users meet it.
    ws.append(["Project", "KPI", "Start", "Window", "Target", "Reward"])
    ws.append(["Apollo", "Calls", datetime.datetime(2024, 2, 1), "1 month", 0.1, "=500*2"])
    ws.append(["Apollo", "Defects", datetime.datetime(2024, 2, 1), "1 month", -0.2, 300])
    ws["C2"].number_format = "yyyy-mm-dd"
    ws["C3"].number_format = "yyyy-mm-dd"


def observations(ws):
    ws.append(["Project", "KPI", "Date", "Value"])
    for kpi, day, value in [
        ("Calls", datetime.datetime(2024, 1, 10), 100),
        ("Calls", datetime.datetime(2024, 1, 20), 100),
        ("Calls", datetime.datetime(2024, 2, 10), 120),
        ("Calls", datetime.datetime(2024, 2, 20, 12, 0), 100),
        ("Defects", datetime.datetime(2024, 1, 15), 10),
        ("Defects", datetime.datetime(2024, 2, 15), 9),
    ]:
        ws.append(["Apollo", kpi, day, value])


# pandas' to_excel layout: one header row per sheet, sheet names chosen by the writer.
wb = Workbook()
wb.active.title = "KPI Targets"
targets(wb.active)
observations(wb.create_sheet("Daily data (Apollo)"))
wb.save(f"{out}/openpyxl-pandas.xlsx")

# The same with ISO date cells (t="d"), which openpyxl writes when asked.
wb = Workbook()
wb.iso_dates = True
wb.active.title = "Targets"
targets(wb.active)
observations(wb.create_sheet("Observations"))
wb.save(f"{out}/openpyxl-iso-dates.xlsx")
