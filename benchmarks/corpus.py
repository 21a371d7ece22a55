# ruff: noqa: E501  (sentence templates are data: one template per line reads better than wrapped ones)
"""A deterministic generator of realistic war-news articles, for benchmarks and tests.

The articles imitate the *styles* of the client's samples (headline line, short paragraphs,
quotes, scraper junk, photo captions with full dates, war-relative phrases, weekdays with dates,
numbers that are not dates), but every sentence comes from the templates below, written for this
project. Each article has one true publication date (2022-02-25 .. 2025-12-20); every relative
phrase in it is consistent with that date (weekdays match, "five weeks into the war" is five
weeks after 24 February 2022). About one article in five states the date in front matter.

    python benchmarks/corpus.py --n 1000 --out /tmp/corpus1000

writes OUT/articles/*.txt|md, OUT/chronology.yml (a copy of content/chronology.yml when it
exists) and OUT/manifest.jsonl (the true date and features of every article, for checks).
Article ``i`` depends only on ``(seed, i)``, so the first 100 of 1,000 are the 100 of N=100.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INVASION = dt.date(2022, 2, 24)
KURSK = dt.date(2024, 8, 6)
FIRST_DAY = dt.date(2022, 2, 25)
LAST_DAY = dt.date(2025, 12, 20)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"]  # fmt: skip
ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"]  # fmt: skip

# (city, region) pairs: places the articles move between.
PLACES = [
    ("Kyiv", "Kyiv region"), ("Kharkiv", "Kharkiv region"), ("Mariupol", "Donetsk region"),
    ("Kherson", "Kherson region"), ("Mykolaiv", "Mykolaiv region"), ("Odesa", "Odesa region"),
    ("Zaporizhzhia", "Zaporizhzhia region"), ("Bakhmut", "Donetsk region"), ("Avdiivka", "Donetsk region"),
    ("Chernihiv", "Chernihiv region"), ("Sumy", "Sumy region"), ("Dnipro", "Dnipropetrovsk region"),
    ("Lviv", "Lviv region"), ("Pokrovsk", "Donetsk region"), ("Kramatorsk", "Donetsk region"),
    ("Sloviansk", "Donetsk region"), ("Izium", "Kharkiv region"), ("Kupiansk", "Kharkiv region"),
    ("Sudzha", "Kursk region"), ("Belgorod", "Belgorod region"), ("Melitopol", "Zaporizhzhia region"),
    ("Vuhledar", "Donetsk region"), ("Lyman", "Donetsk region"), ("Severodonetsk", "Luhansk region"),
]  # fmt: skip
OFFICIALS = [
    ("Volodymyr Zelensky", "Ukraine's president"), ("Dmytro Kuleba", "Ukraine's foreign minister"),
    ("Oleksii Reznikov", "Ukraine's defence minister"), ("Dmitry Peskov", "the Kremlin spokesman"),
    ("Sergei Lavrov", "Russia's foreign minister"), ("Jens Stoltenberg", "the NATO secretary general"),
    ("John Kirby", "a Pentagon spokesman"), ("Antony Blinken", "the US secretary of state"),
    ("Ben Wallace", "the UK defence secretary"), ("Valerii Zaluzhnyi", "Ukraine's top commander"),
    ("Oleksandr Syrskyi", "Ukraine's commander-in-chief"), ("Sergei Shoigu", "Russia's defence minister"),
]  # fmt: skip
ANALYSTS = [
    "Marta Kowalczyk, a defence analyst at a London think tank",
    "Peter Hallam, a retired colonel",
    "Dr Ines Varga, who studies the Russian military",
    "Tomasz Brzezinski, a former intelligence officer",
    "Hanna Ostapenko, a researcher in Kyiv",
    "Daniel Okafor, a security consultant",
    "Elena Marchetti, a historian of the Soviet army",
    "Kai Lindqvist of a Nordic defence institute",
]
SOURCES = ["Daily Express", "The Sun", "Daily Mirror", "Metro", "News Desk", "Evening Wire", "Frontline Post"]
UNITS = ["Mechanized Brigade", "Assault Brigade", "Separate Artillery Brigade", "Territorial Defence Brigade",
         "Marine Brigade", "Air Assault Brigade", "Tank Brigade"]  # fmt: skip
WEAPONS = ["Javelin missiles", "HIMARS launchers", "Bayraktar drones", "Storm Shadow missiles", "F-16 jets",
           "Leopard 2 tanks", "Patriot batteries", "ATACMS missiles", "Shahed drones", "glide bombs"]  # fmt: skip
AGENCIES = ["Reuters", "AFP via Getty Images", "EPA", "AP", "East2West", "REUTERS", "Getty Images"]
PHOTOGRAPHERS = ["Ivan Petrenko", "Olena Savchuk", "Mark Holloway", "Yuliia Bondar", "Andrii Melnyk"]


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def long_date(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def month_day(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


@dataclass
class Truth:
    """What the generator put into one article (the manifest line)."""

    name: str
    published: str
    front_matter: bool
    features: list[str] = field(default_factory=list)


class _Writer:
    """Builds one article from templates; every slot filler is drawn from ``rng``."""

    def __init__(self, rng: random.Random, published: dt.date) -> None:
        self.rng = rng
        self.pub = published
        self.features: set[str] = set()
        self.city, self.region = rng.choice(PLACES)

    # ---- slot fillers ---------------------------------------------------------------------
    def place(self) -> str:
        return self.rng.choice(PLACES)[0]

    def official(self) -> tuple[str, str]:
        return self.rng.choice(OFFICIALS)

    def quote(self) -> str:
        r = self.rng
        bits = [
            f"We are seeing the {r.choice(['enemy', 'Russians', 'occupiers'])} lose ground around {self.place()}.",
            f"Nobody expected the defenders of {self.city} to hold out this long.",
            f"The supply lines are stretched and the morale is {r.choice(['low', 'shaky', 'collapsing'])}.",
            "There is no military solution that the Kremlin can live with.",
            f"Every village we take back costs us {r.choice(['dearly', 'lives', 'time'])}.",
            "They may try again, and we have to be ready for that.",
            f"What we need most is {r.choice(WEAPONS)} and ammunition, not promises.",
            "This is not a frozen conflict, whatever Moscow says.",
        ]
        first = r.choice(bits)
        return first if r.random() < 0.6 else f"{first} {r.choice(bits)}"

    def recent_day(self, lo: int = 1, hi: int = 6) -> dt.date:
        return self.pub - dt.timedelta(days=self.rng.randint(lo, hi))

    # ---- sentences that carry (or look like they carry) dates -----------------------------
    def dated_sentence(self) -> str:
        r, pub = self.rng, self.pub
        kind = r.choice(
            ["weekday_date", "weekday", "yesterday", "last_week", "this_week", "war_relative", "war_days",
             "month_ago", "year_ago", "since_2014", "decade", "named_month", "this_morning", "earlier_month",
             "last_month"]
        )  # fmt: skip
        name, role = self.official()
        if kind == "weekday_date":
            d = self.recent_day()
            self.features.add("weekday_date")
            return r.choice([
                f"On {WEEKDAYS[d.weekday()]}, {month_day(d)}, {role} {name} said: “{self.quote()}”",
                f"On {WEEKDAYS[d.weekday()]}, {month_day(d)}, explosions were reported in {self.place()}.",
                f"Speaking on {WEEKDAYS[d.weekday()]}, {month_day(d)}, {name} told reporters the front was holding.",
            ])  # fmt: skip
        if kind == "weekday":
            d = self.recent_day()
            self.features.add("weekday")
            return r.choice([
                f"The office of {name} said on {WEEKDAYS[d.weekday()]} that shelling had continued near {self.place()}.",
                f"A convoy was seen leaving {self.place()} on {WEEKDAYS[d.weekday()]} night.",
            ])  # fmt: skip
        if kind == "yesterday":
            self.features.add("yesterday")
            return r.choice([
                f"The Kremlin said yesterday that it would {r.choice(['scale back', 'review', 'step up'])} "
                f"its operations around {self.place()}.",
                f"{name} announced yesterday a new package of {r.choice(WEAPONS)}.",
            ])  # fmt: skip
        if kind == "last_week":
            self.features.add("last_week")
            return r.choice([
                f"Last week, satellite images showed columns of smoke over an airfield near {self.place()}.",
                f"Officials in {self.region} said last week that {r.randint(3, 40)} villages had been evacuated.",
            ])  # fmt: skip
        if kind == "this_week":
            self.features.add("this_week")
            return f"This week, further images suggested the helicopters at {self.place()} had been moved."
        if kind == "war_relative":
            days = (pub - INVASION).days
            weeks, months = days // 7, days // 30
            self.features.add("war_relative")
            if weeks == 0:
                return f"{number_word(days).capitalize()} days into the invasion, {self.city} is still in Ukrainian hands."
            if weeks <= 15:
                return r.choice([
                    f"But {number_word(weeks)} weeks into the war, Russian units around {self.place()} have stalled.",
                    f"{number_word(weeks).capitalize()} weeks into the invasion, the assault on {self.city} has not "
                    "broken through.",
                ])  # fmt: skip
            if months <= 20:
                return f"{number_word(months).capitalize()} months into the war, the front near {self.place()} barely moves."
            years = days // 365
            plural = "years" if years > 1 else "year"
            return f"More than {number_word(years)} {plural} after the full-scale invasion, {self.city} is still shelled."
        if kind == "war_days":
            days = (pub - INVASION).days
            self.features.add("war_relative")
            if KURSK <= pub <= KURSK + dt.timedelta(days=12):
                n = (pub - KURSK).days + 1
                return f"Wagner fighters were sent to Kursk as the Ukrainian raid enters its {ORDINAL_WORDS[n - 1]} day."
            return r.choice([
                f"Yet {days} days in, Russia has made only limited gains in the {r.choice(['south', 'east'])}.",
                f"On day {days + 1} of the invasion, sirens sounded across {self.region}.",
            ])  # fmt: skip
        if kind == "month_ago":
            self.features.add("relative_past")
            days = (pub - INVASION).days
            if days < 60:
                ago = "over a month ago"
            elif days < 365:
                ago = f"{number_word(days // 30)} months ago"
            else:
                ago = f"more than {number_word(days // 365)} year{'s' if days >= 730 else ''} ago"
            return f"The war began {ago}, and {self.city} has been under fire since."
        if kind == "year_ago" and pub >= dt.date(2023, 3, 1):
            self.features.add("relative_past")
            return f"A year ago, the same road out of {self.place()} was lined with burnt-out vehicles."
        if kind == "year_ago":
            self.features.add("since_invasion")
            return "Those regions were attacked straight after Putin launched the full-scale invasion in February 2022."
        if kind == "since_2014":
            self.features.add("since_2014")
            return f"Russia has been fighting a proxy war in the Donbas since 2014, {name} noted."
        if kind == "decade":
            self.features.add("decade")
            return "Western officials fear a repeat of Grozny, the Chechen capital flattened in the 1990s."
        if kind == "named_month":
            d = self.recent_day(40, 500)
            if d < INVASION:
                d = INVASION
            self.features.add("month_year")
            return f"The bridge at {self.place()} was first hit in {MONTHS[d.month - 1]} {d.year}."
        if kind == "this_morning":
            self.features.add("this_morning")
            return (
                f"A Ministry of Defence briefing this morning described the fighting around {self.place()}."
            )
        if kind == "earlier_month" and pub.day >= 10:
            self.features.add("earlier_month")
            return f"Earlier this month, {name} {r.choice(['sacked', 'replaced', 'reshuffled'])} several commanders."
        self.features.add("last_month")
        return f"Last month, {r.randint(2, 9)} ships were struck in the port of {r.choice(['Odesa', 'Sevastopol'])}."

    def false_date_sentence(self) -> str:
        """Numbers and words that look like dates and are not."""
        r = self.rng
        km = r.randint(10, 90)
        self.features.add("not_a_date")
        return r.choice([
            f"Troops retook positions {km}km ({round(km * 0.621)} miles) east of {self.city}.",
            f"Drone operators of the {ordinal(r.randint(3, 155))} {r.choice(UNITS)} prepared a launch near {self.place()}.",
            f"As many as {r.randint(2, 30)},000 soldiers may have been killed, officials estimate.",
            f"A convoy around {r.randint(15, 60)} miles long stalled on the road to {self.city}.",
            f"This may include adverts from us and {ordinal(3)} parties, the notice said.",
            f"The {ordinal(r.randint(1, 8))} Army Corps lost {r.randint(4, 30)} tanks in {r.randint(2, 9)} hours.",
            f"About {r.randint(100, 900)},000 residents were forced to flee, and {r.randint(3, 60)} towns lost power.",
            f"Drones flew {r.randint(200, 1200)} kilometres to hit a refinery, using {r.choice(WEAPONS)}.",
        ])  # fmt: skip

    def plain_sentence(self) -> str:
        r = self.rng
        name, role = self.official()
        return r.choice([
            f"{role[0].upper()}{role[1:]} {name} said the situation around {self.city} remained “{r.choice(['difficult', 'tense', 'under control'])}”.",
            f"Western officials believe the Kremlin underestimated the resistance in {self.region}.",
            f"Reports of disorganisation suggest the Russian advance on {self.place()} has splintered.",
            f"{ANALYSTS[r.randrange(len(ANALYSTS))]}, said the {r.choice(WEAPONS)} had changed the balance near {self.place()}.",
            f"Residents of {self.city} queued for water as the shelling continued.",
            f"Peace talks are {r.choice(['stalled', 'ongoing', 'expected to resume'])}, but nobody expects a breakthrough.",
            f"Moscow denies targeting civilians in {self.place()}.",
            f"The Ministry of Defence said Russian forces were “attempting to encircle” {self.place()}.",
            f"Millions of people have fled, and {r.randint(2, 9)} million are displaced inside the country.",
            f"{name} accused the West of prolonging the conflict by sending {r.choice(WEAPONS)}.",
            f"Ukrainian forces pushed toward {self.place()} after a series of counter-attacks.",
            f"Power cuts hit {r.randint(2, 12)} regions after strikes on substations.",
        ])  # fmt: skip

    def quote_paragraph(self) -> str:
        r = self.rng
        who = r.choice(ANALYSTS + [f"{role} {name}" for name, role in OFFICIALS])
        verb = r.choice(["said", "told reporters", "told the paper", "added", "wrote on Telegram"])
        who = f"{who}," if "," in who else who  # close the apposition
        if r.random() < 0.5:
            return f"{who[0].upper()}{who[1:]} {verb}: “{self.quote()}”"
        return f"“{self.quote()[:-1]},” {who} {verb}."

    # ---- page furniture ------------------------------------------------------------------
    def caption(self) -> str:
        r = self.rng
        d = self.recent_day(0, 3)
        self.features.add("caption_full_date")
        agency = r.choice(AGENCIES)
        return r.choice([
            f"Servicemen of the {ordinal(r.randint(3, 155))} {r.choice(UNITS)} fire a howitzer near {self.place()}, "
            f"Ukraine {long_date(d)}. {agency}",
            f"A woman walks past a destroyed building in {self.city}, {self.region}, on {long_date(d)}, amid the "
            f"Russian invasion of Ukraine. (Photo by {r.choice(PHOTOGRAPHERS)} / {agency})",
            f"Firefighters work at the site of a strike in {self.place()}, Ukraine, {long_date(d)}. "
            f"REUTERS/{r.choice(PHOTOGRAPHERS)}",
        ])  # fmt: skip

    def image_alt(self) -> str:
        r = self.rng
        self.features.add("image_alt")
        thing = r.choice(["a military vehicle with a white cross on the side", "a man in a suit at a podium",
                          "a tank on a muddy road", "a map of the front line"])  # fmt: skip
        return f"{thing}{r.choice(AGENCIES)}\n{self.plain_sentence()}[/caption]"

    def junk_head(self) -> list[str]:
        r = self.rng
        self.features.add("junk")
        unit = r.choice(["hours", "days", "weeks", "months"])
        return [f"{r.randint(1, 11)} {unit} ago {r.randint(0, 30)}", "ARTICLE AD BOX"]

    def teasers(self) -> list[str]:
        r = self.rng
        self.features.add("teasers")
        labels = ["INSIGHT", "REPORT", "REVEAL", "VIDEO"]
        return [f"{self.plain_sentence().rstrip('.')} [{r.choice(labels)}]" for _ in range(r.randint(2, 3))]

    def bullets(self) -> list[str]:
        self.features.add("bullets")
        return ["RELATED ARTICLES"] + [f"  • {self.headline()}" for _ in range(self.rng.randint(3, 6))]

    def headline(self) -> str:
        r = self.rng
        name, _ = self.official()
        return r.choice([
            f"Putin may ABANDON push on {self.city} after losing {r.randint(2, 15)},000 troops",
            f"Ukraine retakes village {r.randint(5, 40)} miles from {self.city} in surprise counter-attack",
            f"{name} warns of 'long winter' as strikes on {self.region} intensify",
            f"Russian convoy stalls outside {self.city} – and the Kremlin is furious",
            f"Desperate Kremlin pulls units OUT of {self.region} in humiliating retreat",
            f"{self.city.upper()} HOLDS: defenders repel fresh assault as {r.choice(WEAPONS)} arrive",
            f"What we know about the fighting around {self.city}",
            f"Western spies say Putin is not being told the truth about {self.city}",
        ])  # fmt: skip

    # ---- the article ---------------------------------------------------------------------
    def body_paragraphs(self) -> list[str]:
        r = self.rng
        paragraphs: list[str] = []
        for _ in range(r.randint(10, 30)):
            roll = r.random()
            if roll < 0.28:
                sentences = [self.dated_sentence()]
            elif roll < 0.40:
                sentences = [self.false_date_sentence()]
            elif roll < 0.58:
                sentences = [self.quote_paragraph()]
            else:
                sentences = [self.plain_sentence() for _ in range(r.randint(1, 3))]
            if r.random() < 0.5:
                sentences.append(self.plain_sentence())
            paragraphs.append(" ".join(dict.fromkeys(sentences)))  # no sentence twice in a row
        # furniture inserted between paragraphs, as scrapers leave it
        if r.random() < 0.5:
            paragraphs.insert(r.randint(1, len(paragraphs)), "\n".join(self.teasers()))
        if r.random() < 0.45:
            paragraphs.insert(r.randint(1, len(paragraphs)), self.caption())
        if r.random() < 0.3:
            paragraphs.insert(r.randint(1, len(paragraphs)), self.image_alt())
        if r.random() < 0.25:
            paragraphs.append("\n".join(self.bullets()))
        if r.random() < 0.2:
            self.features.add("video_fallback")
            paragraphs.insert(
                r.randint(1, len(paragraphs)),
                "To view this video please enable JavaScript, "
                "and consider upgrading to a web browser that supports HTML5 video",
            )
        return paragraphs


def _true_date(rng: random.Random) -> dt.date:
    # Weight the first months of the invasion more heavily, as real coverage is.
    span = (LAST_DAY - FIRST_DAY).days
    offset = int(span * rng.random() ** 1.6)
    return FIRST_DAY + dt.timedelta(days=offset)


def generate_one(seed: int, i: int) -> tuple[str, str, Truth]:
    """Article ``i`` of the corpus with ``seed``: (file name, text, truth)."""
    rng = random.Random(f"timeline-corpus:{seed}:{i}")
    pub = _true_date(rng)
    w = _Writer(rng, pub)
    suffix = ".md" if rng.random() < 0.2 else ".txt"
    front = rng.random() < 0.2
    lines: list[str] = []
    headline = w.headline()
    if front:
        w.features.add("front_matter")
        src = rng.choice(SOURCES)
        lines += ["---", f"title: {json.dumps(headline, ensure_ascii=False)}", f"source: {src}",
                  f"url: https://news.example.org/{pub.year}/{rng.getrandbits(32):08x}", f"published: {pub.isoformat()}",
                  "---"]  # fmt: skip
    else:  # the headline is the first line, as scrapers save it
        lines += [f"# {headline}" if suffix == ".md" and rng.random() < 0.5 else headline, ""]
    if rng.random() < 0.3:
        lines += [*w.junk_head(), ""]
    paragraphs = w.body_paragraphs()
    sep = "\n" if rng.random() < 0.2 else "\n\n"  # some scrapes keep single newlines only
    lines.append(sep.join(paragraphs))
    if rng.random() < 0.45:
        w.features.add("junk")
        lines += ["", rng.choice(["Source: Read Full Article", "Read Entire Article", "Read Full Article"])]
    text = "\n".join(lines) + ("\n" if rng.random() < 0.7 else "")
    name = f"{i:05d}_{rng.getrandbits(64):016x}{suffix}"
    return name, text, Truth(name, pub.isoformat(), front, sorted(w.features))


def generate(n: int, seed: int = 2022) -> list[tuple[str, str]]:
    """``n`` articles as (file name, text), deterministic for ``(n, seed)``."""
    return [generate_one(seed, i)[:2] for i in range(n)]


def write_corpus(out: Path, n: int, seed: int = 2022, chronology: Path | None = None) -> Path:
    """Write the corpus into ``out`` (articles/, chronology.yml, manifest.jsonl); returns ``out``."""
    articles = out / "articles"
    if articles.exists():
        shutil.rmtree(articles)
    articles.mkdir(parents=True)
    chronology = chronology if chronology is not None else ROOT / "content" / "chronology.yml"
    if chronology.is_file():
        shutil.copyfile(chronology, out / "chronology.yml")
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for i in range(n):  # streamed: 10,000 articles never sit in memory together
            name, text, truth = generate_one(seed, i)
            (articles / name).write_text(text, encoding="utf-8")
            manifest.write(json.dumps(truth.__dict__) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=2022, help="random seed (default 2022)")
    parser.add_argument("--out", required=True, help="output folder (its articles/ is replaced)")
    args = parser.parse_args(argv)
    out = write_corpus(Path(args.out), args.n, args.seed)
    size = sum(p.stat().st_size for p in (out / "articles").iterdir())
    print(f"{args.n} articles, {size / 1e6:.1f} MB -> {out}/articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
