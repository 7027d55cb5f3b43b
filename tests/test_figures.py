"""Rule-based figures: counts, money, percentages, dates, durations (id + en)."""

from __future__ import annotations

import datetime

import pytest

from tuireader.figures.figure import COUNT, DATE, DURATION, MONEY, PERCENT, Figure
from tuireader.figures.parser import find_figures
from tuireader.figures.words import words_value

PUB = datetime.date(2025, 8, 13)  # a Wednesday


def only(text: str, published=PUB, lang=None) -> Figure:
    figures = find_figures(text, published, lang)
    assert len(figures) == 1, figures
    return figures[0]


def check_invariants(text: str, figures: list[Figure]) -> None:
    last_end = -1
    for fig in figures:
        assert text[fig.start:fig.end] == fig.text
        assert fig.start >= last_end
        assert fig.start < fig.end
        last_end = fig.end


# --------------------------------------------------------------------------- counts
@pytest.mark.parametrize(
    "text, lang, span, value, unit",
    [
        ("Banjir itu memaksa 61.700 orang mengungsi.", "id", "61.700", 61700, "orang"),
        ("Sebanyak 12.000 warga kehilangan rumah.", "id", "12.000", 12000, "warga"),
        ("Jumlah pemilih mencapai 1.234.567 jiwa.", "id", "1.234.567", 1234567, "jiwa"),
        ("Penduduk kota itu 1,2 juta jiwa.", "id", "1,2 juta", 1_200_000, "jiwa"),
        ("Ada 3,5 juta pelanggan baru.", "id", "3,5 juta", 3_500_000, "pelanggan"),
        ("Sekitar 2 ribu relawan datang.", "id", "2 ribu", 2000, "relawan"),
        ("Tercatat 15 rb pendaftar.", "id", "15 rb", 15000, "pendaftar"),
        ("Kira-kira 50 ribuan penonton hadir.", "id", "50 ribuan", 50000, "penonton"),
        ("Pasukan menahan 50 tawanan di kamp.", "id", "50", 50, "tawanan"),
        ("Hanya 3 orang selamat.", "id", "3", 3, "orang"),
        ("Jumlahnya sekitar 450 dan terus naik.", "id", "450", 450, None),
        ("The storm displaced 61,700 people overnight.", "en", "61,700", 61700, "people"),
        ("The city has 3.5 million residents.", "en", "3.5 million", 3_500_000, "residents"),
        ("Some 1,234 families were moved.", "en", "1,234", 1234, "families"),
        ("A total of 2 bn doses shipped.", "en", "2 bn", 2_000_000_000, "doses"),
        ("Officials counted 1,234,567 ballots.", "en", "1,234,567", 1234567, "ballots"),
        ("About 1.5 billion people watched.", "en", "1.5 billion", 1_500_000_000, "people"),
        # shape wins over the language hint: one group of three digits is grouping
        ("Police said 1.500 people marched.", "en", "1.500", 1500, "people"),
        ("Sebanyak 61,700 orang tewas.", "id", "61,700", 61700, "orang"),
        # ... unless a scale word says it is a decimal mark in its own language
        ("Aid reached 1.500 million people.", "en", "1.500 million", 1_500_000, "people"),
        ("Nilainya 1,500 juta.", "id", "1,500 juta", 1_500_000, None),
        ("Anggaran 3.500 juta tersedia.", "id", "3.500 juta", 3_500_000_000, "tersedia"),
        # the scale word's language beats the text language
        ("Pabrik itu memproduksi 3.5 million unit per tahun.", "id", "3.5 million", 3_500_000, "unit"),
        # non-breaking space
        ("Sebanyak 1,2\u00a0juta warga terdampak.", "id", "1,2\u00a0juta", 1_200_000, "warga"),
        # a year-shaped number with a people noun is a count
        ("Sebanyak 2000 orang hadir.", "id", "2000", 2000, "orang"),
        # "others" is not what is counted
        ("Korban tewas dan 150.000 lainnya terluka.", "id", "150.000", 150000, None),
        ("Many died and 1,500 others were hurt.", "en", "1,500", 1500, None),
        # a unit symbol with capitals
        ("The car has a 42 kWh battery.", "en", "42", 42, "kWh"),
        ("Kapasitas pembangkit 100 MW.", "id", "100", 100, "MW"),
    ],
)
def test_counts(text, lang, span, value, unit):
    fig = only(text, lang=lang)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (COUNT, span, value, unit)
    assert isinstance(fig.value, int)
    check_invariants(text, [fig])


@pytest.mark.parametrize(
    "text, lang, span",
    [("IHSG ditutup di level 7.350,12 pada sesi pertama.", "id", "7.350,12"),
     ("The index closed at 7,350.12 on the day.", "en", "7,350.12")],
)
def test_a_bare_decimal_grouped_in_thousands_is_a_count(text, lang, span):
    fig = only(text, lang=lang)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (COUNT, span, 7350.12, None)


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Sebanyak dua ribu orang datang.", "dua ribu", 2000, "orang"),
        ("Ada dua puluh lima ribu pendukung.", "dua puluh lima ribu", 25000, "pendukung"),
        ("Sebelas pemain masuk lapangan.", "Sebelas", 11, "pemain"),
        ("Tercatat seratus dua puluh kasus.", "seratus dua puluh", 120, "kasus"),
        ("Dua belas desa terendam.", "Dua belas", 12, "desa"),
        ("Twenty-five schools closed.", "Twenty-five", 25, "schools"),
        ("Some two hundred thirty workers left.", "two hundred thirty", 230, "workers"),
        ("About three thousand votes were counted.", "three thousand", 3000, "votes"),
        ("Setengah juta orang mengungsi.", "Setengah juta", 500_000, "orang"),
        ("Ada dua setengah juta warga.", "dua setengah juta", 2_500_000, "warga"),
        ("A million people marched.", "A million", 1_000_000, "people"),
        ("Some half a million people marched.", "half a million", 500_000, "people"),
    ],
)
def test_count_words(text, span, value, unit):
    fig = only(text)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (COUNT, span, value, unit)


@pytest.mark.parametrize(
    "words, value",
    [
        ("dua puluh lima ribu", 25000),
        ("satu juta dua ratus ribu", 1_200_000),
        ("seribu lima ratus", 1500),
        ("sembilan belas", 19),
        ("two thousand five hundred", 2500),
        ("ninety nine", 99),
        ("dua tiga", None),
        ("puluh", None),
        ("ten five", None),
        ("satu setengah", 1.5),
        ("setengah dua", None),
        ("a million", 1_000_000),
    ],
)
def test_words_value(words, value):
    assert words_value(words.split()) == value


@pytest.mark.parametrize(
    "text, lang, span, value, unit",
    [
        ("IHSG menguat ke level 8.105 pada sesi pertama.", "id", "8.105", 8105, None),  # grouped: a quantity
        ("The index rose to level 1,200 on Friday.", "en", "1,200", 1200, None),
        ("Lahan seluas 2000 hektare terbakar.", "id", "2000", 2000, "hektare"),  # year-shaped, but a measure
        ("Kunjungan naik dari 2.150 menjadi 3.720 kasus.", "id", "2.150", 2150, None),  # "menjadi" is no unit
        ("The company added 15 million new users.", "en", "15 million", 15_000_000, None),
    ],
)
def test_counts_that_look_like_labels_or_take_a_verb(text, lang, span, value, unit):
    fig = find_figures(text, PUB, lang)[0]
    assert (fig.kind, fig.text, fig.value, fig.unit) == (COUNT, span, value, unit)


@pytest.mark.parametrize("text", ["PPKM level 4 diterapkan lagi.", "Sesuai Pasal 27 ayat 3.", "pada tahun 2000 itu"])
def test_labels_stay_labels(text):
    assert [f for f in find_figures(text, PUB, "id") if f.kind == COUNT] == []


# --------------------------------------------------------------------------- money
@pytest.mark.parametrize(
    "text, span, value, currency",
    [
        ("Pemerintah menyiapkan Rp 4,5 triliun untuk pemulihan.", "Rp 4,5 triliun", 4_500_000_000_000, "IDR"),
        ("Tiketnya Rp4.500 saja.", "Rp4.500", 4500, "IDR"),
        ("Kerugian ditaksir Rp 2,3 miliar.", "Rp 2,3 miliar", 2_300_000_000, "IDR"),
        ("APBN sebesar Rp3.621,3 triliun disahkan.", "Rp3.621,3 triliun", 3_621_300_000_000_000, "IDR"),
        ("Harganya Rp. 15.000 per kilogram.", "Rp. 15.000", 15000, "IDR"),
        ("Dana Rp 1,5 T disiapkan.", "Rp 1,5 T", 1_500_000_000_000, "IDR"),
        ("Proyek Rp 2 M mangkrak.", "Rp 2 M", 2_000_000_000, "IDR"),
        ("Tarifnya Rp 50.000,- per orang.", "Rp 50.000,-", 50000, "IDR"),
        ("Biaya Rp 125.000,00 dibayar tunai.", "Rp 125.000,00", 125000, "IDR"),
        ("Gajinya Rp 5 jt sebulan.", "Rp 5 jt", 5_000_000, "IDR"),
        ("Investasi US$ 2 miliar masuk.", "US$ 2 miliar", 2_000_000_000, "USD"),
        ("Ekspor USD1,2 miliar tercatat.", "USD1,2 miliar", 1_200_000_000, "USD"),
        ("Denda 5 miliar rupiah dijatuhkan.", "5 miliar rupiah", 5_000_000_000, "IDR"),
        ("Pinjaman 12 juta dolar AS cair.", "12 juta dolar AS", 12_000_000, "USD"),
        ("Hibah 3 juta dolar Singapura diterima.", "3 juta dolar Singapura", 3_000_000, "SGD"),
        ("Nilainya IDR 7.500 per lembar.", "IDR 7.500", 7500, "IDR"),
        ("The fund raised US$1.2 billion last year.", "US$1.2 billion", 1_200_000_000, "USD"),
        ("It sold for $300m in cash.", "$300m", 300_000_000, "USD"),
        ("Tickets cost €20 each.", "€20", 20, "EUR"),
        ("The deal is worth £5.5bn overall.", "£5.5bn", 5_500_000_000, "GBP"),
        ("A bowl costs ¥800 there.", "¥800", 800, "JPY"),
        ("Fares rose to S$3.20 this week.", "S$3.20", 3.2, "SGD"),
        ("Lunch was RM15 per head.", "RM15", 15, "MYR"),
        ("Entry is EUR 20 for adults.", "EUR 20", 20, "EUR"),
        ("They pledged USD 1.5 million in aid.", "USD 1.5 million", 1_500_000, "USD"),
        ("The house sold for $1,250,000 in cash.", "$1,250,000", 1_250_000, "USD"),
        ("The bill came to $1,234.56 in total.", "$1,234.56", 1234.56, "USD"),
        ("Revenue hit 4 billion US dollars.", "4 billion US dollars", 4_000_000_000, "USD"),
        ("Investors lost 5 million euros.", "5 million euros", 5_000_000, "EUR"),
        ("Startups raised $50k each.", "$50k", 50_000, "USD"),
    ],
)
def test_money(text, span, value, currency):
    fig = only(text)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (MONEY, span, value, currency)
    check_invariants(text, [fig])


def test_money_value_is_exact_int():
    fig = only("Rp 2,3 miliar")
    assert fig.value == 2_300_000_000 and isinstance(fig.value, int)


def test_money_range_shares_currency_and_scale():
    figures = find_figures("Nilainya Rp 10-15 miliar.", PUB, "id")
    assert [(f.text, f.kind, f.value, f.unit) for f in figures] == [
        ("Rp 10", MONEY, 10_000_000_000, "IDR"),
        ("15 miliar", MONEY, 15_000_000_000, "IDR"),
    ]


@pytest.mark.parametrize(
    "text, span, value, currency",
    [
        ("Brent rose 61 cents to settle higher.", "61 cents", 0.61, "USD"),
        ("Biaya tambahan 1.500 riyal per jemaah.", "1.500 riyal", 1500, "SAR"),
        ("Harga tiket 3.000 won di Seoul.", "3.000 won", 3000, "KRW"),
        ("Fares rose to 500 baht.", "500 baht", 500, "THB"),
        ("The fine was 2.1 billion pesos.", "2.1 billion pesos", 2_100_000_000, "PHP"),
    ],
)
def test_money_after_the_number(text, span, value, currency):
    fig = only(text)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (MONEY, span, value, currency)


def test_a_few_won_are_not_money():
    assert [f for f in find_figures("The team had 2 won and 3 lost.", PUB, "en") if f.kind == MONEY] == []


def test_money_range_with_the_currency_written_twice():
    figures = find_figures("Tiket dijual Rp 3.000-Rp 5.000 per orang.", PUB, "id")
    assert [(f.text, f.value, f.unit) for f in figures] == [("Rp 3.000", 3000, "IDR"), ("Rp 5.000", 5000, "IDR")]


@pytest.mark.parametrize("text", ["RMS Titanic 12 feet", "The RM is 3 here", "Parlemen meminta 5 m jalan"])
def test_letters_that_are_not_currency(text):
    assert all(f.kind != MONEY for f in find_figures(text, PUB))


# --------------------------------------------------------------------------- percent
@pytest.mark.parametrize(
    "text, lang, span, value, unit",
    [
        ("Inflasi mencapai 3,2 persen.", "id", "3,2 persen", 3.2, "%"),
        ("Ekonomi tumbuh 5,12 persen.", "id", "5,12 persen", 5.12, "%"),
        ("Bunga naik 2,53 persen.", "id", "2,53 persen", 2.53, "%"),
        ("Sebanyak 12% responden setuju.", "id", "12%", 12, "%"),
        ("Suku bunga 6,25 % dipertahankan.", "id", "6,25 %", 6.25, "%"),
        ("Naik 0,25 poin persentase.", "id", "0,25 poin persentase", 0.25, "pp"),
        ("Turun 25 basis poin.", "id", "25 basis poin", 0.25, "pp"),
        ("The bank made a 25-basis-point cut.", "en", "25-basis-point", 0.25, "pp"),
        ("Another 25-bp cut is priced in.", "en", "25-bp", 0.25, "pp"),
        ("A 25 basis-point cut is priced in.", "en", "25 basis-point", 0.25, "pp"),
        ("Sales fell 12 percent.", "en", "12 percent", 12, "%"),
        ("Prices rose 3.5 per cent.", "en", "3.5 per cent", 3.5, "%"),
        ("Turnout was 71.3%.", "en", "71.3%", 71.3, "%"),
        ("The Fed cut by 50 bps.", "en", "50 bps", 0.5, "pp"),
        ("Unemployment fell 0.4 percentage points.", "en", "0.4 percentage points", 0.4, "pp"),
        ("Saham teknologi naik 1.234%.", "en", "1.234%", 1.234, "%"),
        ("Growth hit 1,234% in a decade.", "en", "1,234%", 1234, "%"),
        ("Sebanyak tiga persen dana hilang.", "id", "tiga persen", 3, "%"),
    ],
)
def test_percent(text, lang, span, value, unit):
    fig = only(text, lang=lang)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (PERCENT, span, value, unit)


@pytest.mark.parametrize(
    "text, values",
    [
        ("Ekonomi tumbuh 5,2 s.d. 5,8 persen.", [5.2, 5.8]),
        ("Inflasi diperkirakan 5 persen-10 persen.", [5, 10]),
        ("10-15 persen warga setuju.", [10, 15]),  # at the very start: no minus sign
        ("The margin of error is plus or minus 2%.", [2]),
        ("Margin of error plus minus 2,5 persen.", [2.5]),
        ("Ekonomi tumbuh minus 2,5 persen.", [-2.5]),
        ("Sasaran inflasi 2,5 plus minus 1 persen.", [2.5, 1]),
        ("Sasaran inflasi 3 ± 1 persen.", [3, 1]),
    ],
)
def test_percent_ranges_and_margins(text, values):
    figures = find_figures(text, PUB)
    assert [(f.kind, f.value) for f in figures] == [(PERCENT, v) for v in values]
    check_invariants(text, figures)


def test_percent_range():
    figures = find_figures("Harga naik 10-15 persen.", PUB, "id")
    assert [(f.text, f.kind, f.value) for f in figures] == [("10", PERCENT, 10), ("15 persen", PERCENT, 15)]


# --------------------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "text, published, span, value",
    [
        ("Delegasi tiba di Kairo pada Selasa (12/8) untuk berunding.", PUB, "(12/8)", "2025-08-12"),
        ("Menteri itu pada Senin (11/8) mengatakan hal itu.", PUB, "(11/8)", "2025-08-11"),
        ("Rapat digelar (12/8) malam.", PUB, "(12/8)", "2025-08-12"),
        ("Rapat digelar Jumat (8/8/2025).", PUB, "(8/8/2025)", "2025-08-08"),
        # more than six months after publication -> the previous year
        ("Kejadian pada Kamis (26/12) itu diingat.", datetime.date(2026, 1, 5), "(26/12)", "2025-12-26"),
        ("Sidang digelar Sabtu (3/1).", datetime.date(2025, 12, 30), "(3/1)", "2026-01-03"),
        ("Peristiwa 12 Agustus 2025 itu tercatat.", PUB, "12 Agustus 2025", "2025-08-12"),
        ("Pada 17 Agustus warga berpesta.", PUB, "17 Agustus", "2025-08-17"),
        ("Pada 2 Mei 2024 hujan turun.", PUB, "2 Mei 2024", "2024-05-02"),
        ("Pada 5 Desember banjir datang.", PUB, "5 Desember", "2025-12-05"),
        ("Pada 5 Desember banjir datang.", datetime.date(2025, 3, 1), "5 Desember", "2024-12-05"),
        ("The talks ended on Aug. 12 in Doha.", PUB, "Aug. 12", "2025-08-12"),
        ("It was signed on August 12, 2025 in Cairo.", PUB, "August 12, 2025", "2025-08-12"),
        ("It was signed on 12 August in Cairo.", PUB, "12 August", "2025-08-12"),
        ("Polls open on Sept. 3rd nationwide.", PUB, "Sept. 3rd", "2025-09-03"),
        ("Data per 2025-08-12 dirilis.", PUB, "2025-08-12", "2025-08-12"),
        ("Surat tertanggal 12/08/2025 beredar.", PUB, "12/08/2025", "2025-08-12"),
        ("Surat tertanggal 12-08-2025 beredar.", PUB, "12-08-2025", "2025-08-12"),
        ("Deadline 08/25/2025 was missed.", PUB, "08/25/2025", "2025-08-25"),
        ("Pada November lalu, ICC bertindak.", PUB, "November lalu", "2024-11"),
        ("Sejak Juli lalu harga naik.", PUB, "Juli lalu", "2025-07"),
        ("Inflation peaked last March.", PUB, "last March", "2025-03"),
        ("Inflasi Agustus 2025 rendah.", PUB, "Agustus 2025", "2025-08"),
        ("Data bulan lalu menunjukkan penurunan.", PUB, "bulan lalu", "2025-07"),
        ("Sales slowed last month.", PUB, "last month", "2025-07"),
        ("Polisi menangkapnya Senin lalu.", PUB, "Senin lalu", "2025-08-11"),
        ("Police said last Wednesday that", PUB, "last Wednesday", "2025-08-06"),
        ("The minister resigned yesterday.", PUB, "yesterday", "2025-08-12"),
        # a full month name does not take the sentence's full stop; an abbreviation keeps its own
        ("Tarif baru berlaku mulai 1 September.", PUB, "1 September", "2025-09-01"),
        ("The tariff applies from 12 Aug. in Jakarta", PUB, "12 Aug.", "2025-08-12"),
        # a bare month after a preposition: the one nearest the published date
        ("Harga naik sejak Juli.", PUB, "Juli", "2025-07"),
        ("Sidang digelar akhir Desember.", PUB, "Desember", "2025-12"),
        ("Prices peaked in March.", PUB, "March", "2025-03"),
        ("Harga naik pada Agustus.", None, "Agustus", None),
        # "sejak"/"since" looks back, "mendatang"/"depan"/"next" ahead
        ("Rates have been unchanged since December.", PUB, "December", "2024-12"),
        ("Harga naik sejak Agustus.", PUB, "Agustus", "2025-08"),
        ("Pameran dibuka Juli mendatang.", PUB, "Juli mendatang", "2026-07"),
        ("The plant opens next March.", PUB, "next March", "2026-03"),
        ("Tarif naik bulan depan.", PUB, "bulan depan", "2025-09"),
        ("Sales should rise next month.", PUB, "next month", "2025-09"),
        ("Rapat digelar Senin depan.", PUB, "Senin depan", "2025-08-18"),
        ("We meet again next Friday.", PUB, "next Friday", "2025-08-15"),
        ("Banjir merendam desa itu kemarin sore.", PUB, "kemarin", "2025-08-12"),
        ("Rates rose since September last year.", PUB, "September last year", "2024-09"),
        ("Harga naik sejak Agustus tahun lalu.", PUB, "Agustus tahun lalu", "2024-08"),
        ("Proyek selesai Desember tahun depan.", PUB, "Desember tahun depan", "2026-12"),
        ("Talks resume at the end of August.", PUB, "August", "2025-08"),
        ("Polisi menangkapnya Senin kemarin.", PUB, "Senin kemarin", "2025-08-11"),
    ],
)
def test_dates(text, published, span, value):
    fig = only(text, published=published)
    assert (fig.kind, fig.text, fig.value) == (DATE, span, value)
    check_invariants(text, [fig])


@pytest.mark.parametrize(
    "text, dates",
    [
        # a month before a range's second month takes its year
        ("Kasus DBD sepanjang Januari hingga Februari 2025 naik.", [("Januari", "2025-01"), ("Februari 2025", "2025-02")]),
        ("Belanja Januari s.d. November 2025 naik.", [("Januari", "2025-01"), ("November 2025", "2025-11")]),
        ("Prices rose 2.7% in the 12 months through July.", [("July", "2025-07")]),
    ],
)
def test_month_ranges(text, dates):
    assert [(f.text, f.value) for f in find_figures(text, PUB) if f.kind == DATE] == dates


def test_weekday_picks_the_year():
    # 12 August was a Tuesday in 2025; published in February 2026 the nearest
    # 12/8 is 2025 anyway, but "Rabu (12/8)" only fits 2026.
    assert only("Rabu (12/8)", published=datetime.date(2026, 2, 20)).value == "2026-08-12"
    assert only("Selasa (12/8)", published=datetime.date(2026, 2, 20)).value == "2025-08-12"


@pytest.mark.parametrize(
    "text, span, value",
    [("Selasa (12/8) lalu", "(12/8)", "--08-12"), ("pada 17 Agustus", "17 Agustus", "--08-17"),
     ("Aug. 12", "Aug. 12", "--08-12"), ("November lalu", "November lalu", None), ("Senin lalu", "Senin lalu", None)],
)
def test_dates_without_published_keep_what_the_text_tells(text, span, value):
    # ISO 8601's year-less form for a day and month; nothing for a date relative to an unknown day
    fig = only(text, published=None)
    assert (fig.kind, fig.text, fig.value) == (DATE, span, value)


def test_dates_with_year_need_no_published():
    assert only("12 Agustus 2025", published=None).value == "2025-08-12"


@pytest.mark.parametrize(
    "text", ["Rasio (31/2) aneh.", "Skor (3/15) tercatat.", "Bloody Sunday was a massacre.", "Pasar buka Senin-Jumat.",
             "Rapat digelar setiap Senin.", "Diskon Black Friday.", "Minggu ini ramai.",
             "It may rain.", "Pada minggu lalu ramai.", "Agustus Sani hadir.", "We may go in."],
)
def test_not_dates(text):
    assert [f for f in find_figures(text, PUB) if f.kind == DATE] == []


def test_weekday_with_slash_date_without_parentheses():
    fig = only("Rapat digelar Selasa, 12/8, di Jakarta.")
    assert (fig.text, fig.value) == ("12/8", "2025-08-12")


def test_datetime_published_is_accepted():
    fig = only("(12/8)", published=datetime.datetime(2025, 8, 13, 9, 30))
    assert fig.value == "2025-08-12"


# --------------------------------------------------------------------------- durations
@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Gencatan senjata selama 60 hari diusulkan.", "60 hari", "P60D"),
        ("Ia dihukum dua tahun penjara.", "dua tahun", "P2Y"),
        ("Ia menunggu 5 jam di bandara.", "5 jam", "PT5H"),
        ("Rapat berlangsung 30 menit.", "30 menit", "PT30M"),
        ("Proyek molor 6 bulan.", "6 bulan", "P6M"),
        ("Pembangunan butuh 1,5 tahun.", "1,5 tahun", "P1.5Y"),
        ("Mereka menunggu 3 minggu.", "3 minggu", "P3W"),
        ("Masa tanggap darurat 14 hari.", "14 hari", "P14D"),
        ("Relawan bekerja 2 pekan.", "2 pekan", "P2W"),
        ("Tes selesai dalam 45 detik.", "45 detik", "PT45S"),
        ("The truce lasts three weeks.", "three weeks", "P3W"),
        ("Talks lasted 10 days.", "10 days", "P10D"),
        ("Repairs will take two months.", "two months", "P2M"),
        ("They proposed a 60-day ceasefire.", "60-day", "P60D"),
        ("The flight took 12 hours.", "12 hours", "PT12H"),
        ("A 2.5-year delay hit the project.", "2.5-year", "P2.5Y"),
        # "se-" is "one": sepekan, setahun (but "sehari-hari" is "daily")
        ("Banjir berlangsung sepekan.", "sepekan", "P1W"),
        ("Pemulihan butuh setahun lagi.", "setahun", "P1Y"),
        ("Sehari kemudian ia pulang.", "Sehari", "P1D"),
        # "2 x 24 jam": the legal and police idiom for 48 hours
        ("Terduga diperiksa 2 x 24 jam.", "2 x 24 jam", "PT48H"),
        ("Laporan wajib masuk dalam 1x24 jam.", "1x24 jam", "PT24H"),
        ("Ia ditahan satu setengah tahun.", "satu setengah tahun", "P1.5Y"),
        ("Setengah jam kemudian hujan reda.", "Setengah jam", "PT0.5H"),
        ("Banks must reply within 14 working days.", "14 working days", "P14D"),
    ],
)
def test_durations(text, span, value):
    fig = only(text)
    assert (fig.kind, fig.text, fig.value, fig.unit) == (DURATION, span, value, None)


# --------------------------------------------------------------------------- not figures
@pytest.mark.parametrize(
    "text",
    [
        "Pada tahun 1998 krisis melanda.",
        "Sejak 2025 aturan berlaku.",
        "In 2024 the rules changed.",
        "Hubungi 0812-3456-7890 sekarang.",
        "Hubungi 081234567890 sekarang.",
        "Call +62 21 555 1234 today.",
        "Kantor (021) 555-1234 tutup.",
        "NIK 3174012345678901 terdaftar.",
        "Putusan No. 12/PUU-XXII/2024 dibacakan.",
        "Gol itu lahir di menit 58.",
        "Ekspor produk besi (HS 72) naik.",
        "Ia dijerat Pasal 27 ayat 3 UU ITE.",
        "UU Nomor 11 Tahun 2020 digugat.",
        "UU 11/2020 digugat.",
        "Mobil B-1234-XYZ disita.",
        "Rapat dimulai 14.05 WIB.",
        "Rapat dimulai pukul 14.05 di aula.",
        "The meeting started at 10:30 sharp.",
        "It ends at 5 pm today.",
        "Kasus COVID-19 naik.",
        "KTT G20 digelar.",
        "Pesawat MH370 hilang.",
        "Jaringan 4G lambat.",
        "Ia juara ke-3 lomba.",
        "He came third in 5th place.",
        "Skor akhir 2-1 untuk tuan rumah.",
        "Kode 12-34-56 dipakai.",
        "Buka 24/7 setiap hari.",
        "Lihat halaman 12 laporan.",
        "Ia tinggal di Jalan Sudirman 45 Jakarta.",
        "Salah satu warga pulang.",
        "One of them left.",
        "Ratusan warga datang.",
        "Thousands of people marched.",
        "Sekitar 5 dari mereka pergi.",
        "Versi 2.0 dirilis.",
        "Alamat IP 192.168.1.1 diblokir.",
        "Tanggal 17 warga berkumpul.",
        "Gempa bermagnitudo 5,6 mengguncang Cianjur.",
        "Kebutuhan sehari-hari naik.",
        "Ia datang tiga kali sebulan.",
    ],
)
def test_not_figures(text):
    assert find_figures(text, PUB) == []


# --------------------------------------------------------------------------- whole texts
def test_story_offsets_and_kinds():
    text = (
        "Delegasi tiba di Kairo pada Selasa (12/8) untuk membahas gencatan senjata selama 60 hari. "
        "Serangan telah menewaskan lebih dari 61.700 orang, kata pejabat pada Senin (11/8). "
        "Pada November lalu, pemerintah menyiapkan Rp 4,5 triliun dan inflasi 3,2 persen.\n"
        "Kasus COVID-19 pada 2024 turun, hubungi 0812-3456-7890."
    )
    figures = find_figures(text, PUB, "id")
    check_invariants(text, figures)
    got = [(f.text, f.kind, f.value, f.unit) for f in figures]
    assert got == [
        ("(12/8)", DATE, "2025-08-12", None),
        ("60 hari", DURATION, "P60D", None),
        ("61.700", COUNT, 61700, "orang"),
        ("(11/8)", DATE, "2025-08-11", None),
        ("November lalu", DATE, "2024-11", None),
        ("Rp 4,5 triliun", MONEY, 4_500_000_000_000, "IDR"),
        ("3,2 persen", PERCENT, 3.2, "%"),
    ]
    for fig in figures:
        assert text[fig.start:fig.end] == fig.text


def test_english_story():
    text = (
        "On Aug. 12, the government said 61,700 people had been displaced and pledged "
        "US$1.2 billion over three years; inflation stood at 2.4 percent."
    )
    got = [(f.text, f.kind, f.value) for f in find_figures(text, PUB, "en")]
    assert got == [
        ("Aug. 12", DATE, "2025-08-12"),
        ("61,700", COUNT, 61700),
        ("US$1.2 billion", MONEY, 1_200_000_000),
        ("three years", DURATION, "P3Y"),
        ("2.4 percent", PERCENT, 2.4),
    ]


@pytest.mark.parametrize("lang", [None, "id", "en", "ind", "en-US", "xx"])
def test_lang_values_accepted(lang):
    assert only("Rp 2,3 miliar", lang=lang).value == 2_300_000_000


def test_language_guess_drives_separators():
    id_text = "Penduduk yang terdampak di kota ini adalah 1.500 orang dan 3,5 persen dari total."
    en_text = "The number of people who were hit in the city is 2.5 million and that is 3.5 percent."
    assert [f.value for f in find_figures(id_text)] == [1500, 3.5]
    assert [f.value for f in find_figures(en_text)] == [2_500_000, 3.5]


def test_empty_and_figureless():
    assert find_figures("") == []
    assert find_figures("Tidak ada angka di sini.") == []


@pytest.mark.parametrize(
    "line",
    [
        "1" * 200_000,
        "1-" * 100_000,
        "+1 " * 60_000,
        "(" * 200_000,
        "1." * 100_000,
        "dua " * 50_000,
        "Rp 1.234,5 juta (12/8) 10:30 +62 21 555 " * 5_000,
    ],
)
def test_long_lines_are_safe(line):
    # no timing assert: this only has to finish (no catastrophic backtracking)
    figures = find_figures(line, PUB, "id")
    check_invariants(line, figures)


def test_figures_are_sorted_and_disjoint_on_noisy_text():
    text = " ".join(
        [
            "Rp 10-15 miliar (12/8) 60-day 3,2% 1.234.567 orang 12 Agustus 2025 Agustus 2025",
            "US$ 2 miliar, 14.05 WIB, 0812-3456-7890, COVID-19, 5 pm, 3 to 5 days, dua puluh tahun",
        ]
        * 20
    )
    figures = find_figures(text, PUB)
    assert figures
    check_invariants(text, figures)


# --------------------------------------------------------------------------- real-world variety
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tarif RP 5.000 per jam.", [("RP 5.000", MONEY, 5000)]),
        ("Harganya rp 12.500 saja.", [("rp 12.500", MONEY, 12500)]),
        ("Dana Rp.5.000.000,- dicairkan.", [("Rp.5.000.000,-", MONEY, 5_000_000)]),
        ("Gaji Rp 23,5 juta/bulan.", [("Rp 23,5 juta", MONEY, 23_500_000)]),
        ("Cabai Rp 80.000/kg di pasar.", [("Rp 80.000", MONEY, 80000)]),
        ("Kerugian sebesar Rp 2.3 miliar.", [("Rp 2.3 miliar", MONEY, 2_300_000_000)]),
        ("Utang Rp 1.500 triliun menumpuk.", [("Rp 1.500 triliun", MONEY, 1_500_000_000_000_000)]),
        ("Biaya Rp 500 juta hingga Rp 1 miliar.", [("Rp 500 juta", MONEY, 500_000_000), ("Rp 1 miliar", MONEY, 10**9)]),
        ("Kurs US$1 = Rp 16.250 hari ini.", [("US$1", MONEY, 1), ("Rp 16.250", MONEY, 16250)]),
        ("Harga 5 ribu rupiah per bungkus.", [("5 ribu rupiah", MONEY, 5000)]),
        ("Anggaran 4,5 triliun disiapkan.", [("4,5 triliun", COUNT, 4_500_000_000_000)]),
        ("Sebanyak 1.000-an warga hadir.", [("1.000-an", COUNT, 1000)]),
        ("Jakarta - Sebanyak 250 orang dievakuasi.", [("250", COUNT, 250)]),
        ("KPU Distribusikan 812.149 Surat Suara", [("812.149", COUNT, 812149)]),
        ("Inflasi antara 3 dan 5 persen.", [("3", PERCENT, 3), ("5 persen", PERCENT, 5)]),
        ("Pada 2024 dan 5 persen lainnya.", [("5 persen", PERCENT, 5)]),
        ("Turun -0,3 persen (yoy).", [("-0,3 persen", PERCENT, -0.3)]),
        ("Inflasi minus 0,5 persen.", [("minus 0,5 persen", PERCENT, -0.5)]),
        ("Inflation eased to -0.3 percent.", [("-0.3 percent", PERCENT, -0.3)]),
        ("Naik 10-15 persen.", [("10", PERCENT, 10), ("15 persen", PERCENT, 15)]),
        ("Tiket mulai Rp 150.000 hingga Rp 2,5 juta.",
         [("Rp 150.000", MONEY, 150000), ("Rp 2,5 juta", MONEY, 2500000)]),
        ("Harga Rp 3-5 juta.", [("Rp 3", MONEY, 3000000), ("5 juta", MONEY, 5000000)]),
        ("Ia divonis 4 tahun 6 bulan penjara.", [("4 tahun 6 bulan", DURATION, "P4Y6M")]),
        ("Perjalanan 2 jam 30 menit.", [("2 jam 30 menit", DURATION, "PT2H30M")]),
        ("He got 4 years and 6 months.", [("4 years and 6 months", DURATION, "P4Y6M")]),
        ("Antre 3 jam, 2 jam lagi.", [("3 jam", DURATION, "PT3H"), ("2 jam", DURATION, "PT2H")]),
        ("A 15-year-old boy and 27 others.", [("15-year-old", DURATION, "P15Y"), ("27", COUNT, 27)]),
        ("Korban berusia 15 tahun.", [("15 tahun", DURATION, "P15Y")]),
        ("The 2024-25 season had 78 points.", [("78", COUNT, 78)]),
        ("Tumbuh 5,12% yoy.", [("5,12%", PERCENT, 5.12)]),
        ("Timnya menang 2-1 atas tamu.", []),
        ("The 2-1 win was close.", []),
        ("Hasil 21-19 di set kedua.", []),
        ('kata Zulkifli (61), ketua kelompok', []),
        ("Cardoso, 27, scored twice.", []),
        ("Pasangan nomor urut 2 menolak.", []),
        ("Talks resume on day 10 of the truce.", []),
        ('<link href="/style.css?v=20250801">', []),
        ("Proyek selesai beberapa bulan lalu.", []),
        ("Proyek itu selesai 3 bulan lalu.", [("3 bulan", DURATION, "P3M")]),
        ("Rapat Rabu (13/8/2025) pukul 10.00 WIB.", [("(13/8/2025)", DATE, "2025-08-13")]),
        ("Kapal tiba 2 Agt 2025 pagi.", [("2 Agt 2025", DATE, "2025-08-02")]),
    ],
)
def test_real_world_variety(text, expected):
    figures = find_figures(text, PUB, "id" if " the " not in f" {text} " else "en")
    check_invariants(text, figures)
    assert [(f.text, f.kind, f.value) for f in figures] == expected


def test_random_token_soup_keeps_invariants():
    import random

    tokens = [
        "Rp", "Rp.", "US$", "$", "€", "RM", "12", "1.234", "3,5", "61.700", "(12/8)", "(31/2)", "Selasa",
        "Agustus", "Aug.", "lalu", "last", "juta", "miliar", "M", "T", "persen", "%", "bps", "hari", "-",
        "/", ":", "ke-", "dua", "puluh", "belas", "ribu", "twenty", "-five", "hundred", "2025", "0812",
        "+62", "\u00a0", ",", ".", "-an", "orang", "(", ")", "bulan", "Senin", "29/2", "2025-13-45",
        "12:30", "14.05", "WIB", "1,2,3", ",-",
    ]
    rng = random.Random(3)
    for _ in range(2000):
        text = "".join(rng.choice(tokens) + rng.choice(["", " "]) for _ in range(rng.randint(1, 10)))
        published = rng.choice([None, PUB, datetime.date(2024, 2, 29)])
        check_invariants(text, find_figures(text, published, rng.choice([None, "id", "en"])))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # news tells what happened: one of the five days before publication (a Wednesday) or the day after
        ("Pada Selasa ramai.", [("Selasa", "2025-08-12")]),
        ("The index closed at 7,350.12 on Friday.", [("Friday", "2025-08-08")]),
        ("Saturday's 2-1 win was close.", [("Saturday", "2025-08-09")]),
        ("Storms are forecast on Thursday.", [("Thursday", "2025-08-14")]),
        # a sentence about what will happen looks ahead
        ("Rapat akan digelar Jumat.", [("Jumat", "2025-08-15")]),
        ("The board will meet on Monday.", [("Monday", "2025-08-18")]),
        # a capitalised "Minggu" inside a sentence is Sunday, also with "kemarin"
        ("Hingga Minggu kemarin, tiket habis.", [("Minggu kemarin", "2025-08-10")]),
        # a weekday with its date: the date is the figure
        ("Rapat digelar Selasa (12/8).", [("(12/8)", "2025-08-12")]),
    ],
)
def test_a_weekday_named_alone_is_a_day_near_the_published_date(text, expected):
    figures = find_figures(text, PUB, None)
    assert [(f.text, f.value) for f in figures if f.kind == DATE] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indonesian puts the month after what it dates
        ("BPS mencatat inflasi Februari mencapai 2,75 persen.", ("Februari", "2025-02")),
        ("Nilai ekspor batu bara Juli tercatat turun.", ("Juli", "2025-07")),
        # a bare month after "to", "of", "yakni", "periode"; "by" looks ahead
        ("Revenue for the year to March rose.", ("March", "2025-03")),
        ("Bantuan disalurkan selama tiga bulan, yakni Januari hingga Maret.", ("Januari", "2026-01")),
        ("Rates may fall by June.", ("June", "2026-06")),
    ],
)
def test_more_bare_months_are_month_references(text, expected):
    figures = find_figures(text, PUB, None)
    assert expected in [(f.text, f.value) for f in figures if f.kind == DATE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a small number written in words counts what follows it
        ("Tiga tersangka ditangkap di tujuh kecamatan.", [("Tiga", 3, "tersangka"), ("tujuh", 7, "kecamatan")]),
        ("Nine people died and two houses collapsed.", [("Nine", 9, "people"), ("two", 2, "houses")]),
        # not "one", "salah satu", nor a number with nothing to count
        ("One of them survived; salah satu korban selamat.", []),
        ("Sebanyak 1.870 kendaraan roda empat menyeberang.", [("1.870", 1870, "kendaraan")]),
    ],
)
def test_small_numbers_in_words_that_count_something(text, expected):
    figures = find_figures(text, PUB, None)
    assert [(f.text, f.value, f.unit) for f in figures if f.kind == COUNT] == expected


def test_a_range_in_words_shares_its_unit():
    figures = find_figures("Pemudik diminta menunda dua hingga tiga hari atau tiga sampai lima persen.", PUB, "id")
    assert [(f.text, f.kind, f.value) for f in figures] == [
        ("dua", DURATION, "P2D"), ("tiga hari", DURATION, "P3D"), ("tiga", PERCENT, 3), ("lima persen", PERCENT, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The yen weakened to 160.245 per dollar.", ("160.245", 160.245, "JPY")),
        ("Indonesia's rupiah weakened 0.3% to 16,450 per dollar.", ("16,450", 16450, "IDR")),
        ("Rupiah ditutup di level 16.450 per dolar AS.", ("16.450", 16450, "IDR")),
    ],
)
def test_an_exchange_rate_against_the_dollar_is_money_in_the_named_currency(text, expected):
    figures = find_figures(text, PUB, None)
    assert expected in [(f.text, f.value, f.unit) for f in figures if f.kind == MONEY]


@pytest.mark.parametrize("text", ["Overnight, the S&P 500 briefly rose.", "A fleet of Boeing 737-800 freighters."])
def test_index_and_model_numbers_are_no_figures(text):
    assert find_figures(text, PUB, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue rose to NT$839.25 billion, or NT$13.94 per share.",
         [("NT$839.25 billion", 839250000000, "TWD"), ("NT$13.94", 13.94, "TWD")]),
        ("The bank injected 1.5 lakh crore rupees and 500 crore rupees.",
         [("1.5 lakh crore rupees", 1500000000000, "INR"), ("500 crore rupees", 5000000000, "INR")]),
        ("Shares cost Rs 250 and HK$12.", [("Rs 250", 250, "INR"), ("HK$12", 12, "HKD")]),
    ],
)
def test_more_currencies_and_scale_words(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text, PUB, "en") if f.kind == MONEY] == expected


def test_a_scaled_range_counts_what_its_second_amount_counts():
    figures = find_figures("Penjualan diperkirakan 6,4 juta hingga 6,7 juta unit, stok 31,23 juta KL.", PUB, "id")
    assert [(f.value, f.unit) for f in figures] == [(6400000, "unit"), (6700000, "unit"), (31230000, "KL")]


def test_date_ranges_give_both_ends():
    figures = find_figures("Periode Januari hingga 9 Maret 2025. The talks run June 4-6, 2025.", PUB, None)
    assert [(f.text, f.value) for f in figures] == [
        ("Januari", "2025-01"), ("9 Maret 2025", "2025-03-09"), ("June 4", "2025-06-04"), ("6, 2025", "2025-06-06")]


@pytest.mark.parametrize("text", ["Hubungi layanan darurat 112.", "Residents can call the SES on 132 500.",
                                  "Harga emas 24 karat naik."])
def test_numbers_to_dial_and_gold_purity_are_no_figures(text):
    assert find_figures(text, PUB, None) == []


def test_households_are_one_unit():
    assert [(f.value, f.unit) for f in find_figures("Sebanyak 386 kepala keluarga mengungsi.", PUB, "id")] == [
        (386, "kepala keluarga")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym after a number is what it counts; not a time zone
        ("Kapal di bawah 5 GT dan 14 SPBN ditutup pukul 10 WIB.", [("5", 5, "GT"), ("14", 14, "SPBN")]),
        # how often, in numerals, counts "kali"; a multiple does not
        ("Frekuensi 1.204.556 kali, naik 2 kali lipat.", [("1.204.556", 1204556, "kali")]),
        # a measure glued by a hyphen
        ("A 25-mile (40-kilometer) stretch burned.", [("25", 25, "mile"), ("40", 40, "kilometer")]),
        # a number grouped in thousands takes no scale from the range's other end
        ("Part-timers jumped by 460,000 to 4.9 million.", [("460,000", 460000, None), ("4.9 million", 4900000, None)]),
        # a street number
        ("Evacuees slept at the gym on 1499 San Luis Drive.", []),
    ],
)
def test_what_a_count_counts(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text, PUB, None) if f.kind == COUNT] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade balance: +544.1 billion yen.", [("544.1 billion yen", 544100000000, "JPY")]),
        ("Biaya hidup SAR 750 per jemaah.", [("SAR 750", 750, "SAR")]),
    ],
)
def test_a_plus_sign_is_no_phone_number_and_riyal_codes(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text, PUB, None) if f.kind == MONEY] == expected


def test_english_months_after_a_lower_case_word_or_the():
    figures = find_figures("Exports fell sharply from April. The January fires burned. He met April Smith.",
                           datetime.date(2025, 4, 17), "en")
    assert [(f.text, f.value) for f in figures] == [("April", "2025-04"), ("January", "2025-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's name before a number no longer makes it a label when a count noun follows
        ("disusul Kota Bandung 644 kasus dan Kabupaten Bengkalis 271 ha. Jalan Sudirman 45 ditutup.",
         [("644", 644, "kasus"), ("271", 271, "ha")]),
        ("Tiket periode 21 Maret-11 April terjual.", [("21 Maret", "2025-03-21", None), ("11 April", "2025-04-11", None)]),
        ("Posted 2:05 PM GMT+10. Tarif PPh 21 naik.", []),
        ("Ia finis dengan 4 menit 21,55 detik.", [("4 menit 21,55 detik", "PT4M21.55S", None)]),
    ],
)
def test_place_counts_day_month_ranges_time_zones_and_split_seconds(text, expected):
    assert [(f.text, f.value, f.unit) for f in find_figures(text, PUB, "id")] == expected
