"""Make examples/articles/03_druzhba_contamination.pdf (run: python3 examples/make_pdf.py).

The PDF imitates what republishing sites produce: a running header and a footer with page
numbers on every page, words hyphenated at line ends, and a sentence cut by the page break,
so newsgraph's PDF repair has real work to do. Needs reportlab (a test dependency).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

OUT = Path(__file__).with_name("articles") / "03_druzhba_contamination.pdf"
HEADER = "Energy Security Digest  ·  www.esdigest.example"
FOOTER = "Energy Security Digest — reproduced for research purposes"

# Lines as they should sit on the page ("" = paragraph gap); hyphenation is deliberate.
PAGE_1 = [
    "Contaminated Russian oil halts the Druzhba pipeline",
    "",
    "By Katarzyna Nowak",
    "April 29, 2019",
    "",
    "Deliveries of Russian crude through the Druzhba pipeline to",
    "Belarus, Poland, Germany and other European buyers were sus-",
    "pended last week after refiners found that the oil contained",
    "organic chlorides far above the permitted level.",
    "",
    "Belarus raised the alarm first. The state concern Belneftekhim",
    "said on April 19 that the contamination could damage equip-",
    "ment at its Mozyr and Novopolotsk refineries, and both plants",
    "cut their runs. Poland and Germany stopped taking oil from the",
    "line a few days later.",
    "",
    "Transneft, the Russian pipeline operator, said the tainted oil",
    "had entered the system in the Samara region, and Russian",
]
PAGE_2 = [
    "investigators opened a case on suspicion of deliberate contami-",
    "nation. Several people were detained.",
    "",
    "Around five million tonnes of oil were affected, according to",
    "estimates cited by industry analysts. Clearing the pipes and",
    "storage tanks was expected to take weeks, not days.",
    "",
    "President Alexander Lukashenko called the incident a serious",
    "blow to Russia's reputation as a reliable supplier and said that",
    "Belarus would seek compensation for its losses. Moscow promised",
    "that the companies responsible would pay.",
    "",
    "The episode revived the debate in Minsk about finding other",
    "sources of crude, a debate that became urgent again at the",
    "start of 2020, when Russian supplies stopped altogether.",
]


def main() -> None:
    c = canvas.Canvas(str(OUT), pagesize=A5)
    c.setTitle("Contaminated Russian oil halts the Druzhba pipeline")
    c.setAuthor("Katarzyna Nowak")
    width, height = A5
    for number, lines in enumerate((PAGE_1, PAGE_2), 1):
        c.setFont("Helvetica", 7)
        c.drawString(36, height - 28, HEADER)
        y = height - 60
        for i, line in enumerate(lines):
            bold = number == 1 and i == 0
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 13 if bold else 10)
            if line:
                c.drawString(36, y, line)
            y -= 15
        c.setFont("Helvetica", 7)
        c.drawString(36, 24, FOOTER)
        c.drawRightString(width - 36, 24, f"Page {number} of 2")
        c.showPage()
    c.save()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
