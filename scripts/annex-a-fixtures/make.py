#!/usr/bin/env python3
"""Regenerates the Annex A test workbooks from a CSV description, with programs nobody on this
project wrote, so the importer is tested against what they really write.

Usage: python3 scripts/annex-a-fixtures/make.py [DESCRIPTION.csv] [OUT_DIR]
  (defaults: scripts/annex-a-fixtures/annex-a.csv, src/performance/import/fixtures/annex-a)
Needs Debian's python3-openpyxl and libreoffice-calc (soffice). Writes three workbooks:

  openpyxl.xlsx     written by openpyxl (absolute relationship targets, "/xl/worksheets/sheet1.xml")
  libreoffice.xlsx  openpyxl's workbook opened and saved again by LibreOffice, headless (its own layout)
  excel-order.xlsx  LibreOffice's parts laid out as Excel lays them out: relative targets, and the shared
                    strings after the worksheets

The description: one line per spreadsheet row, the sheet's name first and then the row's cells;
the first line of a sheet is its heading row. A cell "date:YYYY-MM-DD" is an Excel date cell
(shown dd/mm/yyyy), "num:N" a number cell, "formula:=…" a formula; anything else is text as
written (openpyxl itself stores "#N/A" as Excel's error value).
"""

import csv
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cell_value(text):
    if text.startswith('date:'):
        return datetime.datetime.strptime(text[5:], '%Y-%m-%d'), 'dd/mm/yyyy'
    if text.startswith('num:'):
        n = float(text[4:])
        return (int(n) if n.is_integer() else n), None
    if text.startswith('formula:'):
        return text[8:], None
    return text, None


def write_openpyxl(description, out):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {}
    with open(description, newline='', encoding='utf-8') as f:
        for line in csv.reader(f):
            if not line:
                continue
            name, cells = line[0], line[1:]
            ws = sheets.get(name) or wb.create_sheet(name)
            sheets[name] = ws
            row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
            for col, text in enumerate(cells, start=1):
                if text == '':
                    continue
                value, fmt = cell_value(text)
                c = ws.cell(row=row, column=col, value=value)
                if fmt:
                    c.number_format = fmt
    wb.save(out)


def write_libreoffice(source, out):
    with tempfile.TemporaryDirectory() as tmp:
        # A profile of its own, so a LibreOffice already running (or its lock) does not interfere.
        profile = f'file://{tmp}/profile'
        subprocess.run(
            ['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to',
             'xlsx:Calc MS Excel 2007 XML', '--outdir', f'{tmp}/out', source],
            check=True, stdout=subprocess.DEVNULL)
        shutil.copy(f'{tmp}/out/{os.path.basename(source)}', out)


EXCEL_ORDER = ['[content_types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
               'xl/worksheets/', 'xl/theme/', 'xl/styles.xml', 'xl/sharedstrings.xml', 'docprops/']


def excel_rank(name):
    lower = name.lower()
    for i, prefix in enumerate(EXCEL_ORDER):
        if lower == prefix or (prefix.endswith('/') and lower.startswith(prefix)):
            return i
    return len(EXCEL_ORDER)


def write_excel_order(source, out):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as zout:
        names = sorted(zin.namelist(), key=lambda n: (excel_rank(n), n))
        for name in names:
            data = zin.read(name)
            if name == 'xl/_rels/workbook.xml.rels':
                # Excel writes targets relative to the workbook's folder.
                data = data.replace(b'Target="/xl/', b'Target="')
            zout.writestr(name, data)
        order = [n.lower() for n in names]
        assert order.index('xl/sharedstrings.xml') > max(
            i for i, n in enumerate(order) if n.startswith('xl/worksheets/sheet')), 'shared strings must come last'


def main():
    description = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'annex-a.csv')
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'src/performance/import/fixtures/annex-a')
    os.makedirs(out_dir, exist_ok=True)
    op = os.path.join(out_dir, 'openpyxl.xlsx')
    write_openpyxl(description, op)
    write_libreoffice(op, os.path.join(out_dir, 'libreoffice.xlsx'))
    # LibreOffice's copy has shared strings (openpyxl writes inline strings), so it is the one re-laid.
    write_excel_order(os.path.join(out_dir, 'libreoffice.xlsx'), os.path.join(out_dir, 'excel-order.xlsx'))
    for name in ('openpyxl.xlsx', 'libreoffice.xlsx', 'excel-order.xlsx'):
        with zipfile.ZipFile(os.path.join(out_dir, name)) as z:
            print(name, ', '.join(z.namelist()))


if __name__ == '__main__':
    main()
