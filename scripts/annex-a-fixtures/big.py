#!/usr/bin/env python3
"""A large Annex A workbook for bench/annex-a.ts, written by openpyxl (write-only mode).

Usage: python3 scripts/annex-a-fixtures/big.py CHILDREN OUT.xlsx
Children C000001 … are spread over lists 4-8 (every child in list 4; 60% in list 6; 40% in
list 5; 20% in lists 7 and 8), each list with all of Ofsted's headings, answers written as codes,
plain words and Y/N, dates as Excel date cells and as dd/mm/yyyy text, and "#N/A" for not known.
"""
import datetime
import random
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell

COMMON = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability']
TAIL = ['Allocated Team', 'Allocated Worker']
LISTS = {
    'List 4': (1.0, COMMON + ['Continuous Assessment Start Date', 'Child Seen During Continuous Assessment',
                              'Continuous Assessment Date of Authorisation',
                              "Was the child assessed as requiring LA children's social care support?"] + TAIL),
    'List 5': (0.4, COMMON + ['Strategy discussion initiating Section 47 Enquiry Start Date',
                              'Was an Initial Child Protection Conference deemed unnecessary?',
                              'Date of Initial Child Protection Conference',
                              'Did the Initial Child Protection Conference Result in a Child Protection Plan',
                              'Number of Section 47 Enquiries in the last 12 months', 'Number of ICPCs in the last 12 months'] + TAIL),
    'List 6': (0.6, COMMON + ['CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date',
                              'Reason for Closure', 'Case Status'] + TAIL),
    'List 7': (0.2, COMMON + ['Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse',
                              'Date of the Last Statutory Visit', 'Was the Child Seen Alone?', 'Date of latest review conference',
                              'Child Protection Plan End Date',
                              'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
                              'Number of Previous Child Protection Plans'] + TAIL),
    'List 8': (0.2, COMMON[:5] + ['Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', COMMON[5],
                                  'Date Started to be Looked After', "Child's Category of Need",
                                  'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
                                  'Start date of current legal status', "Child's Legal Status", 'Date of Latest Statutory Review',
                                  'Date of Last Social Work Visit', 'What is the permanence plan for this child?',
                                  'Date of Last IRO Visit / Contact to the Child', 'Date of Last Health Assessment',
                                  'Date of Last Dental Check', 'Number of Placements in the Last 12 months',
                                  'Date Ceased to be Looked After', 'Reason Ceased to be Looked After',
                                  'Start Date of Most Recent Placement', 'Placement Type', 'Placement Provider',
                                  'Placement postcode', 'URN of Placement', 'Placement Location', 'LA of Placement'] + TAIL),
}
AS_OF = datetime.date(2026, 11, 27)
ANSWERS = ['a) Yes', 'b) No', 'Yes', 'No', 'Y', 'N', '#N/A', '']


def main():
    children, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(7)
    wb = openpyxl.Workbook(write_only=True)
    for sheet, (share, headings) in LISTS.items():
        ws = wb.create_sheet(sheet)
        ws.append(headings)
        for i in range(1, children + 1):
            if rnd.random() >= share:
                continue
            row = []
            # The list's first date starts the episode; its later dates fall between that and today.
            start = None
            for h in headings:
                lower = h.lower()
                if h == 'Child Unique ID':
                    row.append(f'C{i:06d}')
                elif 'date' in lower or lower.startswith('start'):
                    if 'closure' in lower or 'ceased' in lower or 'end date' in lower:
                        row.append('#N/A' if rnd.random() < 0.5 else '')
                        continue
                    if h == 'Date of Birth':
                        day = AS_OF - datetime.timedelta(days=rnd.randint(400, 6000))
                    elif start is None:
                        start = day = AS_OF - datetime.timedelta(days=rnd.randint(30, 300))
                    else:
                        day = start + datetime.timedelta(days=rnd.randint(0, (AS_OF - start).days))
                    if rnd.random() < 0.5:
                        c = WriteOnlyCell(ws, value=datetime.datetime(day.year, day.month, day.day))
                        c.number_format = 'dd/mm/yyyy'
                        row.append(c)
                    else:
                        row.append(day.strftime('%d/%m/%Y') + (' 00:00:00' if rnd.random() < 0.3 else ''))
                elif lower.startswith(('was ', 'did ', 'does ', 'is ', 'child seen')) or '(y/n)' in lower:
                    row.append(rnd.choice(ANSWERS))
                elif lower.startswith(('number', 'age')):
                    row.append(rnd.randint(0, 17))
                else:
                    row.append(rnd.choice(['a) Neglect', 'Emotional abuse', 'C2', 'N1', 'Assessment Team 1', 'Ms Shaw']))
            ws.append(row)
    wb.save(out)


if __name__ == '__main__':
    main()
