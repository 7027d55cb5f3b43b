"""Generate a realistic, deterministic news library for the benchmarks.

    python benchmarks/generate_library.py --count 10000 --out benchmarks/generated/lib-10000

Writes articles in every import format tuireader reads:

* ``txt/NNN/*.txt``   title line, a dateline ("Painan, Senin (3/3/2025)", "JAKARTA, Aug. 19, 2025"), paragraphs;
* ``md/NNN/*.md``     YAML front matter (title, date, source, url, lang, tags, author), Markdown body;
* ``html/NNN/*.html`` whole pages: head with meta and scripts, nav, cookie bar, an ``<article>``, footer;
* ``jsonl/*.jsonl``   100 articles per file (title, body, url, date, source, lang, tags, author);

about 60% Indonesian and 40% English, 150-1,200 words each, dense with people
(with titles), organisations, places (invented-but-plausible pools plus real
cities and countries) and figures ("61.700 orang", "Rp 4,5 triliun",
"3,2 persen", "Selasa (12/8)", "US$1.2 billion", "12%"), with scraper noise
lines ("ADVERTISEMENT", "Baca juga: ...").

About 4% of the articles belong to planted story threads: 3-8 articles about one
event over several days, in both languages, sharing rare entities and words.
``threads.tsv`` maps each of them to its thread (ground truth for a
related-stories benchmark): ``key`` is the path relative to the output folder,
with ``#<url>`` appended for a JSONL record (as tuireader keys them, relative).

Sentences are assembled from templates whose slots are filled from word and
name pools with Zipf-like skew, so vocabulary statistics (a few very common
words, a long tail of rare names) look like a real news archive. Everything is
drawn from ``random.Random(seed)``: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 1
FILES_PER_DIR = 1000
JSONL_PER_FILE = 100
THREAD_FRACTION = 0.04
FORMAT_WEIGHTS = (("txt", 0.30), ("md", 0.30), ("html", 0.12), ("jsonl", 0.28))

# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------

ID_FIRST = """Rahmat Budi Agus Dewi Siti Ratna Wahyu Fitri Andi Hendra Yusuf Nur Rina Dian Eko Joko Sri Bambang
Teguh Lestari Indra Putri Ahmad Muhammad Fajar Gilang Rizky Ayu Wulan Bayu Arif Hasan Irfan Lukman Maya Novi
Reza Sari Taufik Yanti Zulkifli Darmawan Kartika Suharto Purnomo Setiawan Bagus Citra Dimas Erlangga Fauzi
Gita Hadi Intan Januar Kurnia Lina Mega Nanda Oktavia Pandu Qori Rudi Sinta Tono Umar Vivi Wisnu Yoga Zainal
Anisa Benny Cahya Dodi Elsa Ferry Gunawan Hamdan Ilham Jefri Kevin Lukas Marlina Nova Oki Pratiwi""".split()
ID_LAST = """Syafri Santoso Wibowo Kusuma Hidayat Siregar Nasution Situmorang Hutapea Pratama Saputra Wijaya
Harahap Lubis Simanjuntak Gultom Tambunan Sinaga Purba Ginting Tarigan Sembiring Manurung Pohan Rangkuti Daulay
Adiputra Permatasari Wulandari Marlina Setiadi Gunadi Halim Tanjung Nugroho Utomo Sulistyo Prasetyo Hartono
Susanto Kurniawan Firmansyah Ramadhan Maulana Hakim Rasyid Fadli Aziz Baharuddin Mappaseng Pattiasina Latuconsina
Wattimena Rumbiak Kogoya Mandacan Kaunang Lumempouw Sondakh Pangemanan Tumbelaka Manoppo Djaelani Sastrowardoyo
Hadiningrat Suryadarma Mangunkusumo Pakpahan Sihombing Napitupulu Panjaitan Silalahi Batubara Ritonga""".split()
EN_FIRST = """James Sarah Michael Emma David Olivia Daniel Grace Thomas Hannah Peter Laura Mark Chloe Andrew
Rachel Simon Claire Robert Anna Paul Megan Richard Alice Stephen Fiona Jonathan Helen Matthew Kate Nathan Lucy
Oliver Sophie Patrick Ruth Adrian Naomi Victor Ingrid Tomas Elena Marco Yuki Kenji Priya Arjun Mei Wei Omar Leila
Hugo Clara Felix Nadia Sebastian Irene Lars Maren""".split()
EN_LAST = """Carter Whitfield Holloway Brennan Ashworth Kowalski Lindqvist Okafor Moreau Tanaka Nakamura
Fernandes Castellano Richter Van Dijk O'Neill Mackenzie Hargreaves Pemberton Lockwood Thornbury Fairbanks Delacroix
Novak Petrov Haddad Rahman Chen Huang Lim Tan Ong Goh Suzuki Kim Park Schneider Bauer Weber Rossi Bianchi Conti
Dubois Laurent Svensson Nilsson Eriksen Jansen De Vries Murphy Gallagher Sinclair Abernathy Winslow Prescott""".split()

PROVINCES = """Sumatera Barat|Sumatera Utara|Jawa Timur|Jawa Tengah|Jawa Barat|Kalimantan Timur|Kalimantan Barat|
Sulawesi Selatan|Sulawesi Utara|Nusa Tenggara Timur|Nusa Tenggara Barat|Bali|Riau|Jambi|Lampung|Bengkulu|
Maluku|Papua|Aceh|Banten|Gorontalo|Sulawesi Tengah""".replace("\n", "").split("|")
CITIES_ID = """Jakarta Surabaya Bandung Medan Makassar Semarang Palembang Denpasar Balikpapan Pontianak Manado
Kupang Jayapura Ambon Padang Pekanbaru Yogyakarta Malang Banjarmasin Samarinda Mataram Kendari Palu Jambi
Bengkulu Serang Batam Cirebon Solo Tegal""".split()
COUNTRIES_ID = """Malaysia|Singapura|Australia|Jepang|China|Amerika Serikat|India|Korea Selatan|Belanda|Jerman|
Mesir|Qatar|Arab Saudi|Vietnam|Thailand|Filipina|Brasil|Inggris|Prancis|Turki""".replace("\n", "").split("|")
COUNTRIES_EN = """Malaysia|Singapore|Australia|Japan|China|the United States|India|South Korea|the Netherlands|
Germany|Egypt|Qatar|Saudi Arabia|Vietnam|Thailand|the Philippines|Brazil|Britain|France|Turkey""".replace("\n", "").split("|")
CITIES_FOREIGN = """Singapore|Kuala Lumpur|Tokyo|Beijing|Cairo|Rotterdam|Sydney|Washington|London|Geneva|Doha|
Bangkok|Manila|Hanoi|Seoul|New Delhi|Berlin|Paris|Istanbul|Dubai""".replace("\n", "").split("|")

AGENCIES_ID = [
    ("Badan Nasional Penanggulangan Bencana", "BNPB"), ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    ("Badan Pusat Statistik", "BPS"), ("Komisi Pemberantasan Korupsi", "KPK"), ("Otoritas Jasa Keuangan", "OJK"),
    ("Bank Indonesia", "BI"), ("Komisi Pemilihan Umum", "KPU"), ("Badan Pengawas Pemilu", "Bawaslu"),
    ("Kementerian Keuangan", "Kemenkeu"), ("Kementerian Perhubungan", "Kemenhub"), ("Kementerian Kesehatan", "Kemenkes"),
    ("Kementerian Energi dan Sumber Daya Mineral", "ESDM"), ("Badan Riset dan Inovasi Nasional", "BRIN"),
    ("Dewan Perwakilan Rakyat", "DPR"), ("Mahkamah Konstitusi", "MK"), ("Kejaksaan Agung", "Kejagung"),
]
AGENCIES_EN = [
    ("National Disaster Mitigation Agency", "BNPB"), ("Meteorology, Climatology and Geophysics Agency", "BMKG"),
    ("Statistics Indonesia", "BPS"), ("Corruption Eradication Commission", "KPK"), ("Financial Services Authority", "OJK"),
    ("Bank Indonesia", "BI"), ("General Elections Commission", "KPU"), ("World Bank", ""),
    ("International Monetary Fund", "IMF"), ("Asian Development Bank", "ADB"), ("Finance Ministry", ""),
    ("Transportation Ministry", ""), ("Health Ministry", ""), ("Energy and Mineral Resources Ministry", ""),
    ("House of Representatives", "DPR"), ("Constitutional Court", ""), ("Attorney General's Office", "AGO"),
]
SOURCES_ID = ["Kabar Pagi", "Harian Nusantara", "Suara Khatulistiwa", "Warta Kota Raya", "Tribun Selatan",
              "Berita Andalas", "Kompas Daerah", "Lintas Timur", "Gema Borneo", "Pos Sulawesi"]
SOURCES_EN = ["The Jakarta Ledger", "Archipelago Post", "Straits Courier", "Asia Wire", "Southeast Monitor",
              "The Equator Times", "Pacific Dispatch"]

SYLLABLES = """ba nyu a gung lu buk si rih tan jung le mo ka ra wa ti se pa ngan ma lang ko to be ra pak su
ngai da mar ge de rang pu lau ci ta rum me nu ja ya sa ri ha di ru wi ng ke lo la bu mu ro go ne pi sen
dang war kam pe tu ah ung ing""".split()
PLACE_KINDS_ID = ["Kabupaten", "Kecamatan", "Desa", "Nagari", "Kelurahan", "Kampung", "Pulau", "Teluk"]
PLACE_KINDS_EN = ["regency", "district", "village", "island", "bay"]
COMPANY_WORDS = """Sinar Bahari Nusantara Garuda Tirta Mandiri Cahaya Samudra Karya Sentosa Mega Buana Prima
Jaya Abadi Makmur Surya Energi Pratama Lestari Utama Bumi Persada Indah Perkasa Sejahtera Agung Mulia Nusa
Tunggal Raya Andalas Kencana Permata Wahana""".split()
COMPANY_EN = """Meridian Northbridge Harbourline Bluewater Crestview Ironbark Silverleaf Tidewater Kestrel
Summit Pacifica Halcyon Orion Vantage Lodestar Cobalt Granite Redwood Westhaven Eastgate""".split()
COMPANY_EN_SUFFIX = ["Holdings", "Capital", "Logistics", "Energy", "Resources", "Partners", "Shipping", "Mining",
                     "Power", "Foods", "Digital", "Analytics"]
INSTITUTES = ["Lembaga Kajian Ekonomi {X}", "Institut Kebijakan Publik {X}", "Universitas {X}", "Yayasan {X} Lestari",
              "Forum Nelayan {X}", "Asosiasi Pengusaha {X}", "Serikat Pekerja {X}", "Pusat Studi Bencana {X}"]
INSTITUTES_EN = ["{X} Institute", "{X} Policy Centre", "{X} University", "{X} Research Group", "{X} Foundation"]

TITLES_ID = ["Menteri Keuangan", "Menteri Perhubungan", "Menteri Kesehatan", "Menteri Energi", "Gubernur {province}",
             "Bupati {place}", "Wali Kota {city}", "Kepala BPBD {province}", "Kapolda {province}", "Direktur Utama {company}",
             "Ketua {institute}", "Juru bicara {agency}", "Kepala {agency}", "Wakil Ketua DPRD {province}",
             "ekonom {institute}", "peneliti {institute}", "Direktur Jenderal Perhubungan Laut", "Kepala Dinas Kesehatan {province}",
             "Komandan Kodim {place}", "Ketua KPU {province}", "Sekretaris Daerah {province}", "pelatih kepala"]
TITLES_EN = ["Finance Minister", "Transport Minister", "Health Minister", "Energy Minister", "{province} Governor",
             "{city} Mayor", "police chief", "chief executive of {company},", "spokesperson for {agency},",
             "head of {agency},", "economist at {institute},", "researcher at {institute},", "Lt. Gen.", "Dr.",
             "Prof.", "opposition lawmaker", "head coach", "regional secretary"]

WEEKDAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_EN_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
NUM_WORDS_ID = ["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "belasan", "puluhan"]
NUM_WORDS_EN = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens of", "several"]

# --------------------------------------------------------------------------------------------
# Topics: objects, verbs, headline and sentence templates per language
# --------------------------------------------------------------------------------------------

TOPICS = ["bencana", "ekonomi", "politik", "hukum", "transportasi", "energi", "kesehatan", "olahraga", "teknologi",
          "lingkungan"]

OBJ_ID = {
    "bencana": "evakuasi warga|pembangunan tanggul darurat|distribusi bantuan logistik|perbaikan jembatan yang putus|pendataan rumah rusak|pembukaan dapur umum|status tanggap darurat|penyaluran air bersih|relokasi warga dari zona merah|peringatan dini banjir|pencarian korban hilang|normalisasi sungai",
    "ekonomi": "kenaikan harga beras|target pertumbuhan ekonomi|penyaluran kredit usaha rakyat|neraca perdagangan|suku bunga acuan|penerbitan obligasi negara|subsidi pupuk|tarif bea masuk|realisasi investasi asing|nilai tukar rupiah|inflasi pangan|ekspor minyak sawit|defisit anggaran",
    "politik": "revisi undang-undang pemilu|pembahasan anggaran daerah|koalisi partai pendukung|hasil hitung cepat|jadwal pemungutan suara ulang|rekapitulasi suara|gugatan sengketa hasil|pelantikan kepala daerah|rancangan peraturan daerah|rapat dengar pendapat|pengisian jabatan wakil bupati",
    "hukum": "penyidikan kasus suap|pemeriksaan saksi|penahanan tersangka|sidang putusan|tuntutan jaksa|penyitaan aset|praperadilan|kasus penipuan investasi|penggeledahan kantor|dakwaan korupsi pengadaan|banding terdakwa",
    "transportasi": "pembangunan jalan tol|jadwal penerbangan|tarif angkutan umum|rekayasa lalu lintas|perbaikan rel kereta|pengerukan alur pelabuhan|arus mudik|kemacetan di jalur pantura|uji coba kereta cepat|penutupan bandara|penambahan armada bus",
    "energi": "harga bahan bakar minyak|pembangunan pembangkit listrik tenaga surya|kuota solar bersubsidi|pemadaman listrik bergilir|produksi gas alam|transisi energi|tarif listrik golongan rumah tangga|cadangan batu bara|eksplorasi panas bumi|pembangunan kilang",
    "kesehatan": "kasus demam berdarah|vaksinasi anak|ketersediaan obat|layanan BPJS Kesehatan|angka tengkes|rujukan pasien|kekurangan dokter spesialis|pembangunan rumah sakit daerah|kejadian luar biasa campak|pemeriksaan kesehatan gratis",
    "olahraga": "persiapan tim nasional|jadwal Liga 1|seleksi atlet|renovasi stadion|pemusatan latihan|kontrak pemain asing|hasil undian babak grup|target medali|penunjukan pelatih baru|sanksi dari komisi disiplin",
    "teknologi": "perlindungan data pribadi|pembangunan pusat data|jaringan 5G|kebocoran data pelanggan|regulasi kecerdasan buatan|investasi perusahaan rintisan|layanan pembayaran digital|serangan siber|program literasi digital|satelit internet",
    "lingkungan": "pencemaran sungai|kebakaran hutan dan lahan|penanaman mangrove|pengelolaan sampah plastik|izin tambang pasir|kualitas udara|perlindungan terumbu karang|deforestasi|abrasi pantai|perburuan satwa liar",
}
OBJ_EN = {
    "bencana": "the evacuation of residents|emergency embankments|aid distribution|repairs to washed-out bridges|the damage assessment|public kitchens|the state of emergency|clean water deliveries|relocation from the red zone|flood early warnings|the search for the missing|river dredging",
    "ekonomi": "rice prices|the growth target|microcredit lending|the trade balance|the benchmark interest rate|government bond sales|fertiliser subsidies|import tariffs|foreign direct investment|the rupiah exchange rate|food inflation|palm oil exports|the budget deficit",
    "politik": "the election law revision|the regional budget|the ruling coalition|quick count results|the revote schedule|the vote tally|the election dispute|the inauguration of regional heads|a draft bylaw|a parliamentary hearing|the deputy regent vacancy",
    "hukum": "the bribery investigation|witness questioning|the detention of suspects|the verdict|the prosecutors' demands|asset seizures|a pretrial motion|an investment fraud case|the search of offices|procurement graft charges|the defendant's appeal",
    "transportasi": "toll road construction|flight schedules|public transport fares|traffic management|railway repairs|harbour dredging|the holiday exodus|congestion on the north coast road|high-speed rail trials|the airport closure|new bus fleets",
    "energi": "fuel prices|solar power plants|subsidised diesel quotas|rolling blackouts|natural gas output|the energy transition|household electricity tariffs|coal reserves|geothermal exploration|refinery construction",
    "kesehatan": "dengue cases|child vaccination|drug supplies|national health insurance services|stunting rates|patient referrals|a shortage of specialists|regional hospitals|a measles outbreak|free health checks",
    "olahraga": "national team preparations|the league schedule|athlete selection|stadium renovations|the training camp|foreign player contracts|the group stage draw|the medal target|the new coach|sanctions from the disciplinary committee",
    "teknologi": "personal data protection|data centre construction|5G networks|a customer data leak|artificial intelligence rules|startup investment|digital payments|cyberattacks|digital literacy programmes|satellite internet",
    "lingkungan": "river pollution|forest and peatland fires|mangrove planting|plastic waste|sand mining permits|air quality|coral reef protection|deforestation|coastal erosion|wildlife poaching",
}
OBJ_ID = {k: v.split("|") for k, v in OBJ_ID.items()}
OBJ_EN = {k: v.split("|") for k, v in OBJ_EN.items()}

SUBJ_ID = ("pemerintah daerah|warga setempat|para pedagang|petugas gabungan|aparat kepolisian|kalangan pengusaha|"
           "sejumlah anggota DPRD|tim relawan|para petani|pihak kementerian|otoritas pelabuhan|manajemen perusahaan|"
           "para nelayan|kelompok masyarakat sipil|pemerintah pusat|para pengamat|sebagian besar responden|"
           "pihak kampus|para sopir angkutan|pengurus koperasi").split("|")
SUBJ_EN = ("the local government|residents|traders|a joint task force|police|business groups|several lawmakers|"
           "volunteers|farmers|the ministry|port authorities|the company's management|fishermen|civil society groups|"
           "the central government|analysts|most respondents|the university|bus drivers|cooperative leaders").split("|")
VERB_ID = ("menyatakan akan meninjau|masih menunggu kejelasan soal|telah mengajukan keberatan atas|berencana memperluas|"
           "menolak|mendesak pemerintah mempercepat|mulai menyalurkan dana untuk|terus memantau|memperkirakan lonjakan|"
           "mengkritik lambannya|menyambut baik|meminta evaluasi menyeluruh terhadap|menyiapkan skema baru untuk|"
           "menunda|mempertanyakan transparansi|mengusulkan tambahan anggaran untuk|mengakui kendala dalam|"
           "menargetkan penyelesaian|menggelar rapat koordinasi tentang|membentuk tim khusus untuk").split("|")
VERB_EN = ("said it would review|is still waiting for clarity on|has filed objections to|plans to expand|rejected|"
           "urged the government to speed up|began disbursing funds for|continues to monitor|expects a surge in|"
           "criticised delays in|welcomed|called for a full review of|is preparing a new scheme for|postponed|"
           "questioned the transparency of|proposed extra funding for|acknowledged problems with|aims to complete|"
           "held a coordination meeting on|set up a special team for").split("|")
OPEN_ID = ("Menurut dia,|Sementara itu,|Di sisi lain,|Selain itu,|Dalam keterangan tertulisnya,|Sebelumnya,|"
           "Hingga kini,|Meski demikian,|Oleh karena itu,|Pada saat yang sama,|Berdasarkan data terbaru,|"
           "Dalam rapat itu,|Sejak pekan lalu,|Adapun|||||").split("|")
OPEN_EN = ("According to officials,|Meanwhile,|On the other hand,|In addition,|In a written statement,|Earlier,|"
           "So far,|Even so,|As a result,|At the same time,|According to the latest data,|At the meeting,|"
           "Since last week,|Separately,|||||").split("|")
ADJ_ID = ("dalam beberapa pekan ke depan|sejak awal tahun|di {place}|pada {dayref}|hingga akhir bulan ini|"
          "dengan nilai {money}|yang melibatkan {count}|setelah naik {pct} dibandingkan tahun lalu|di {city}|"
          "sebelum {date}|selama {dur}|di wilayah {province}|bersama {org}|menyusul keluhan warga|"
          "meski anggaran terbatas|tanpa melibatkan {org}|untuk {count}|pada kuartal ketiga|sesuai arahan presiden|"
          "di tengah kritik publik").split("|")
ADJ_EN = ("in the coming weeks|since the start of the year|in {place}|{dayref}|by the end of the month|"
          "worth {money}|affecting {count}|after a {pct} rise from last year|in {city}|before {date}|for {dur}|"
          "across {province}|together with {org}|following complaints from residents|despite a tight budget|"
          "without consulting {org}|for {count}|in the third quarter|as instructed by the president|"
          "amid public criticism").split("|")

SENT_ID = [
    "{open} {subj} {verb} {obj} {adj}.",
    "{open} {subj} {verb} {obj} {adj}.",
    "{tperson} mengatakan {subj} {verb} {obj} {adj}.",
    "\"Kami {verbq} {obj} {adj},\" kata {sur} di {city}, {dayref}.",
    "\"{quote_id}\" ujar {sur}.",
    "Data {org} menunjukkan {count} terdampak, naik {pct} dibandingkan periode yang sama tahun lalu.",
    "Nilai kerugian akibat {obj} ditaksir mencapai {money}.",
    "{tperson} menyebut {obj} menjadi prioritas {org} {adj}.",
    "Pada {dayref}, {subj} {verb} {obj} di {place}.",
    "Anggaran sebesar {money} telah disiapkan untuk {obj}, atau sekitar {pct} dari total belanja {org}.",
    "{sur} menambahkan, {obj} di {place} ditargetkan rampung dalam {dur}.",
    "Sebanyak {count} tercatat di {place} hingga {dayref}, menurut {org}.",
    "Kebijakan itu dikritik {tperson}, yang menilai {obj} belum menyentuh {subj}.",
    "Langkah serupa pernah diambil {country} pada {year} ketika {obj} menjadi sorotan.",
    "{open} harga {commodity} naik menjadi Rp{rpunit} per kilogram, atau {pct} lebih tinggi dari bulan lalu.",
    "{org} mencatat {count} mengikuti program tersebut di {province}.",
    "Rapat lanjutan dijadwalkan pada {date} di kantor {org}, {city}.",
]
SENT_EN = [
    "{open} {subj} {verb} {obj} {adj}.",
    "{open} {subj} {verb} {obj} {adj}.",
    "{tperson} said {subj} {verb} {obj} {adj}.",
    "\"We {verbq} {obj} {adj},\" {sur} told reporters in {city} {dayref}.",
    "\"{quote_en}\" {sur} said.",
    "Data from {org} showed {count} were affected, up {pct} from the same period last year.",
    "Losses linked to {obj} were estimated at {money}.",
    "{tperson} called {obj} a priority for {org} {adj}.",
    "{dayref_cap}, {subj} {verb} {obj} in {place}.",
    "A budget of {money} has been set aside for {obj}, about {pct} of {org}'s total spending.",
    "{sur} added that {obj} in {place} should be finished within {dur}.",
    "{org} recorded {count} in {place} as of {dayref_bare}.",
    "The policy drew criticism from {tperson}, who said {obj} had yet to reach {subj}.",
    "{country_cap} took a similar step in {year} when {obj} came under scrutiny.",
    "{open} the price of {commodity_en} rose to {usunit}, {pct} higher than last month.",
    "{org} said {count} had joined the programme across {province}.",
    "A follow-up meeting is scheduled for {date} at the {org} office in {city}.",
]
VERBQ_ID = "sedang menyiapkan|akan mempercepat|tidak akan menunda|terus mengawasi|sudah mengevaluasi|masih menghitung ulang".split("|")
VERBQ_EN = "are preparing|will speed up|will not delay|are closely watching|have reviewed|are still recalculating".split("|")
QUOTE_ID = ["Kami tidak ingin kejadian ini terulang.", "Semua pihak harus duduk bersama.",
            "Ini bukan persoalan sepele, dampaknya dirasakan langsung oleh masyarakat.",
            "Kami masih menunggu hasil kajian tim teknis.", "Prosesnya memang tidak mudah, tetapi kami optimistis.",
            "Warga sudah terlalu lama menunggu kepastian.", "Kami minta semua pihak menahan diri."]
QUOTE_EN = ["We do not want this to happen again.", "Everyone needs to sit down together.",
            "This is not a small matter; people feel the impact directly.", "We are still waiting for the technical review.",
            "The process is not easy, but we are optimistic.", "Residents have waited too long for certainty.",
            "We ask everyone to show restraint."]
COMMODITIES = [("beras", "rice"), ("cabai merah", "red chillies"), ("bawang merah", "shallots"), ("gula pasir", "sugar"),
               ("minyak goreng", "cooking oil"), ("daging sapi", "beef"), ("telur ayam", "eggs"), ("kedelai", "soybeans")]

HEAD_ID = ["{Place} {verbh} {objh}, {count} Terdampak", "{Org} Minta {objh} Dipercepat",
           "Harga {Commodity} Naik {pct}, {subjh} Mengeluh", "{Tperson} Janjikan {objh} Rampung {durh}",
           "Anggaran {money} untuk {objh} Dipertanyakan", "{count} di {Place} Terdampak {objh}",
           "{Org} Tunda {objh} hingga {date}", "{Surname}: {objh} Tak Bisa Ditunda"]
HEAD_EN = ["{Place}: {count} affected as {objh} stalls", "{Org} urges faster action on {objh}",
           "{Commodity_en} prices rise {pct} as {subjh} complain", "{Tperson} promises {objh} within {dur}",
           "{money} plan for {objh} questioned", "{Org} delays {objh} until {date}",
           "{Surname} says {objh} cannot wait", "{count} hit by {objh} in {Place}"]
VERBH_ID = ["Tertunda", "Dipercepat", "Dikritik", "Dievaluasi", "Disorot"]

NOISE_ID = ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Baca juga: {headline}", "Baca Juga: {headline}",
            "Simak video pilihan berikut ini", "Iklan", "Berita terkait: {headline}"]
NOISE_EN = ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Also read: {headline}", "Read more: {headline}",
            "Advertisement", "Related: {headline}"]
SUBHEADS_ID = ["Dampak bagi warga", "Respons pemerintah", "Langkah berikutnya", "Kritik dari DPRD", "Latar belakang",
               "Wilayah yang perlu waspada", "Anggaran dan pendanaan"]
SUBHEADS_EN = ["Impact on residents", "Government response", "What comes next", "Criticism from lawmakers",
               "Background", "Areas on alert", "Budget and funding"]

# Planted story threads: an event with rare, thread-specific words in both languages.
EVENTS = [
    dict(kind="tumpahan", topic="lingkungan",
         id_head=["Tumpahan Minyak Kapal Tanker {Thing} Cemari Perairan {Where}", "Nelayan {Where} Tuntut Ganti Rugi Tumpahan Minyak {Thing}",
                  "{Boss} Diperiksa soal Tumpahan Minyak {Thing}", "Pembersihan Minyak di {Where} Diperkirakan Butuh {durh}"],
         en_head=["Tanker {Thing} spill fouls waters off {Where}", "{Where} fishermen demand compensation over {Thing} spill",
                  "{Boss} questioned over {Thing} oil spill", "Clean-up off {Where} could take {dur}"],
         id_sent=["Kapal tanker {Thing} milik {Firm} kandas di perairan {Where} dan menumpahkan minyak mentah ke laut.",
                  "Lapisan minyak dari {Thing} kini membentang hingga pesisir {Where}, menurut {Agency}.",
                  "Nelayan di {Where} mengaku tidak bisa melaut sejak tumpahan minyak {Thing}.",
                  "{Boss} dari {Firm} menyatakan perusahaan bertanggung jawab atas pencemaran di {Where}.",
                  "Petugas memasang oil boom sepanjang {n} meter untuk menahan sebaran minyak {Thing}."],
         en_sent=["The tanker {Thing}, operated by {Firm}, ran aground off {Where} and spilled crude into the sea.",
                  "The slick from the {Thing} now stretches to the coast of {Where}, {Agency} said.",
                  "Fishermen in {Where} say they have not been able to go to sea since the {Thing} spill.",
                  "{Boss} of {Firm} said the company would take responsibility for the pollution off {Where}.",
                  "Crews laid {n} metres of booms to contain the {Thing} slick."]),
    dict(kind="jembatan", topic="transportasi",
         id_head=["Jembatan {Thing} di {Where} Ambruk, Akses Warga Terputus", "Polisi Selidiki Penyebab Ambruknya Jembatan {Thing}",
                  "{Firm} Digugat Usai Jembatan {Thing} Runtuh", "Jembatan Darurat Gantikan {Thing} di {Where}"],
         en_head=["{Thing} bridge collapses in {Where}, cutting off villages", "Police probe cause of {Thing} bridge collapse",
                  "{Firm} sued after {Thing} bridge failure", "Temporary crossing replaces {Thing} bridge in {Where}"],
         id_sent=["Jembatan {Thing} yang menghubungkan {Where} dengan ibu kota kabupaten ambruk setelah diguyur hujan.",
                  "Kontraktor jembatan {Thing}, {Firm}, diminta menyerahkan dokumen perencanaan.",
                  "{Boss} mengatakan rangka baja jembatan {Thing} sudah berkarat sejak lama.",
                  "Warga {Where} kini harus memutar sejauh {n} kilometer karena jembatan {Thing} putus.",
                  "{Agency} menurunkan tim untuk memeriksa jembatan lain yang dibangun {Firm}."],
         en_sent=["The {Thing} bridge linking {Where} to the regency capital collapsed after heavy rain.",
                  "The contractor of the {Thing} bridge, {Firm}, was asked to hand over its design documents.",
                  "{Boss} said the steel frame of the {Thing} bridge had been rusting for years.",
                  "Residents of {Where} now detour {n} kilometres because the {Thing} bridge is gone.",
                  "{Agency} sent a team to inspect other bridges built by {Firm}."]),
    dict(kind="suap", topic="hukum",
         id_head=["KPK Tangkap {Boss} dalam Kasus Suap Proyek {Thing}", "{Boss} Ditahan, Uang {money} Disita dalam Kasus {Thing}",
                  "Saksi Ungkap Aliran Dana Proyek {Thing} ke {Firm}", "Sidang Perdana Kasus Suap {Thing} Digelar"],
         en_head=["KPK arrests {Boss} in {Thing} project bribery case", "{Boss} detained, {money} seized in {Thing} case",
                  "Witness details {Thing} payments to {Firm}", "First hearing held in {Thing} bribery trial"],
         id_sent=["Penyidik menduga {Boss} menerima suap terkait proyek {Thing} di {Where}.",
                  "Uang tunai yang disita dari rumah {Boss} diduga berasal dari {Firm}.",
                  "Proyek {Thing} senilai {money} itu dikerjakan {Firm} sejak {year}.",
                  "Kuasa hukum {Boss} membantah kliennya terlibat dalam pengaturan tender {Thing}.",
                  "{Agency} memeriksa {n} saksi dalam perkara suap proyek {Thing}."],
         en_sent=["Investigators suspect {Boss} took bribes linked to the {Thing} project in {Where}.",
                  "Cash seized from {Boss}'s home allegedly came from {Firm}.",
                  "The {money} {Thing} project has been built by {Firm} since {year}.",
                  "A lawyer for {Boss} denied his client rigged the {Thing} tender.",
                  "{Agency} questioned {n} witnesses in the {Thing} bribery case."]),
    dict(kind="erupsi", topic="bencana",
         id_head=["Gunung {Thing} Erupsi, Warga {Where} Mengungsi", "Status Gunung {Thing} Naik Menjadi Awas",
                  "Abu Vulkanik {Thing} Tutup Bandara {City}", "Pengungsi Erupsi {Thing} Mulai Pulang ke {Where}"],
         en_head=["Mount {Thing} erupts, {Where} residents flee", "Alert for Mount {Thing} raised to highest level",
                  "{Thing} ash closes {City} airport", "{Thing} evacuees begin returning to {Where}"],
         id_sent=["Gunung {Thing} kembali menyemburkan abu setinggi {n} meter dari puncak, Selasa dini hari.",
                  "Warga di lereng {Thing}, terutama di {Where}, diminta menjauh dari radius tujuh kilometer.",
                  "{Boss} mengatakan aktivitas kegempaan {Thing} masih tinggi.",
                  "Hujan abu dari {Thing} menyelimuti {Where} dan sebagian {City}.",
                  "{Agency} menyiapkan masker dan tenda untuk pengungsi erupsi {Thing}."],
         en_sent=["Mount {Thing} spewed ash {n} metres above its summit before dawn on Tuesday.",
                  "People on the slopes of {Thing}, especially in {Where}, were told to stay seven kilometres away.",
                  "{Boss} said seismic activity at {Thing} remained high.",
                  "Ash from {Thing} blanketed {Where} and parts of {City}.",
                  "{Agency} prepared masks and tents for those fleeing {Thing}."]),
    dict(kind="mogok", topic="ekonomi",
         id_head=["Buruh {Firm} Mogok, Produksi {Thing} Terhenti", "Mogok di Pabrik {Thing} Memasuki Hari Ketiga",
                  "{Boss} Temui Serikat Pekerja {Thing}", "Kesepakatan Upah Akhiri Mogok Pabrik {Thing}"],
         en_head=["{Firm} workers strike, halting {Thing} output", "{Thing} plant strike enters third day",
                  "{Boss} meets {Thing} union", "Wage deal ends strike at {Thing} plant"],
         id_sent=["Ribuan buruh pabrik {Thing} milik {Firm} di {Where} menghentikan produksi.",
                  "Serikat pekerja {Thing} menuntut kenaikan upah {pct} dan pengangkatan pekerja kontrak.",
                  "{Boss} menyebut mogok di pabrik {Thing} merugikan perusahaan hingga {money} per hari.",
                  "Pengiriman dari pabrik {Thing} ke pelabuhan {City} tertahan sejak mogok dimulai.",
                  "Dinas Tenaga Kerja {Where} memediasi perundingan antara {Firm} dan buruh {Thing}."],
         en_sent=["Thousands of workers at {Firm}'s {Thing} plant in {Where} stopped production.",
                  "The {Thing} union is demanding a {pct} pay rise and permanent contracts.",
                  "{Boss} said the {Thing} strike was costing the company {money} a day.",
                  "Shipments from the {Thing} plant to the port of {City} have been held up.",
                  "Labour officials in {Where} are mediating talks between {Firm} and the {Thing} workers."]),
    dict(kind="wabah", topic="kesehatan",
         id_head=["KLB {Thing} Ditetapkan di {Where}", "Kasus {Thing} di {Where} Tembus {count}",
                  "{Boss} Kirim Tim Medis ke {Where} untuk Tangani {Thing}", "Kasus {Thing} Mulai Menurun"],
         en_head=["{Where} declares {Thing} outbreak", "{Thing} cases in {Where} pass {count}",
                  "{Boss} sends medics to {Where} to fight {Thing}", "{Thing} cases start to fall"],
         id_sent=["Dinas kesehatan menetapkan kejadian luar biasa {Thing} di {Where} setelah {n} kasus baru.",
                  "Sebagian besar pasien {Thing} adalah anak-anak di bawah lima tahun.",
                  "{Boss} meminta rumah sakit di {Where} menambah ruang isolasi untuk pasien {Thing}.",
                  "Laboratorium {Firm} memastikan sampel dari {Where} positif {Thing}.",
                  "{Agency} mengirim {n} ribu dosis vaksin ke {Where}."],
         en_sent=["Health officials declared a {Thing} outbreak in {Where} after {n} new cases.",
                  "Most of the {Thing} patients are children under five.",
                  "{Boss} told hospitals in {Where} to add isolation wards for {Thing} patients.",
                  "{Firm}'s laboratory confirmed that samples from {Where} were positive for {Thing}.",
                  "{Agency} sent {n} thousand vaccine doses to {Where}."]),
]
DISEASE_NAMES = ["demam {X}", "virus {X}", "penyakit {X}"]


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

_SLOT = re.compile(r"\{(\w+)\}")


def _compile(template: str) -> tuple[str, ...]:
    """'a {x} b' -> ('a ', 'x', ' b'): even indexes literal, odd indexes slot names."""
    return tuple(_SLOT.split(template))


class Pools:
    """Invented names, drawn once from the seed; picks are skewed (a few common, a long tail)."""

    def __init__(self, rng: random.Random):
        self.villages = sorted({self._word(rng, 2, 3) for _ in range(4000)})
        rng.shuffle(self.villages)
        self.companies_id = sorted({"PT " + " ".join(rng.sample(COMPANY_WORDS, 3)) for _ in range(900)})
        rng.shuffle(self.companies_id)
        self.companies_en = sorted({f"{rng.choice(COMPANY_EN)} {rng.choice(COMPANY_EN_SUFFIX)}" for _ in range(400)})
        rng.shuffle(self.companies_en)
        self.institutes_id = [rng.choice(INSTITUTES).replace("{X}", self._word(rng, 2, 3)) for _ in range(300)]
        self.institutes_en = [rng.choice(INSTITUTES_EN).replace("{X}", self._word(rng, 2, 3)) for _ in range(200)]
        self.people_id = [(rng.choice(ID_FIRST), rng.choice(ID_LAST)) for _ in range(6000)]
        self.people_en = [(rng.choice(EN_FIRST), rng.choice(EN_LAST)) for _ in range(3000)]
        self.used_things: set[str] = set()

    @staticmethod
    def _word(rng: random.Random, lo: int, hi: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi))).capitalize()

    def fresh_word(self, rng: random.Random) -> str:
        """A name used by nothing else (for a thread's rare entities)."""
        while True:
            word = self._word(rng, 3, 4)
            if word not in self.used_things and word not in self.villages:
                self.used_things.add(word)
                return word


def _skewed(rng: random.Random, pool: list):
    return pool[int(len(pool) * rng.random() ** 2.2)]


@dataclass
class Event:
    thread_id: str
    spec: dict
    thing: str
    where_id: str
    where_en: str
    city: str
    firm: str
    boss: tuple[str, str]
    boss_title_id: str
    boss_title_en: str
    agency_id: str
    agency_en: str
    start: dt.date


@dataclass
class Ctx:
    rng: random.Random
    lang: str
    topic: str
    date: dt.date
    pools: Pools
    people: list = field(default_factory=list)
    introduced: set = field(default_factory=set)
    places: list = field(default_factory=list)
    orgs: list = field(default_factory=list)
    event: Event | None = None


def _fmt_int_id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _figure(ctx: Ctx, kind: str) -> str:
    r, en = ctx.rng, ctx.lang == "en"
    if kind == "count":
        n = _skewed_number(r)
        unit_id = r.choice(["orang", "warga", "keluarga", "rumah", "pekerja", "jiwa", "siswa", "pasien"])
        unit_en = {"orang": "people", "warga": "residents", "keluarga": "families", "rumah": "homes",
                   "pekerja": "workers", "jiwa": "people", "siswa": "students", "pasien": "patients"}[unit_id]
        return f"{n:,} {unit_en}" if en else f"{_fmt_int_id(n)} {unit_id}"
    if kind == "money":
        a, b = r.randint(1, 999), r.randint(1, 9)
        if en:
            return r.choice([f"US${a}.{b} billion", f"US${a} million", f"Rp {a}.{b} trillion", f"${a}.{b} million"])
        return r.choice([f"Rp {a},{b} triliun", f"Rp {a} miliar", f"Rp{a},{b} miliar", f"US${a} juta"])
    if kind == "pct":
        a, b = r.randint(0, 40), r.randint(1, 9)
        if en:
            return r.choice([f"{a}.{b} percent", f"{a}%", f"{a}.{b}%"])
        return r.choice([f"{a},{b} persen", f"{a} persen", f"{a},{b}%"])
    if kind in ("dayref", "dayref_cap", "dayref_bare"):
        day = ctx.date - dt.timedelta(days=r.randint(0, 6))
        if en:
            name = WEEKDAYS_EN[day.weekday()]
            if kind == "dayref_bare":
                return name
            return ("On " if kind == "dayref_cap" else "on ") + name
        return f"{WEEKDAYS_ID[day.weekday()]} ({day.day}/{day.month})"
    if kind == "date":
        day = ctx.date + dt.timedelta(days=r.randint(-60, 60))
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}" if en else f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    if kind in ("dur", "durh"):
        n = r.choice([r.randint(2, 30), r.choice(NUM_WORDS_EN if en else NUM_WORDS_ID)])
        unit = r.choice(["days", "weeks", "months"] if en else ["hari", "pekan", "bulan"])
        text = f"{n} {unit}"
        return text.title() if kind == "durh" and not en else text
    if kind == "year":
        return str(r.randint(2008, ctx.date.year - 1))
    if kind == "rpunit":
        return _fmt_int_id(r.randint(8, 140) * 500)
    if kind == "usunit":
        return f"US${r.randint(1, 40)}.{r.randint(0, 99):02d} a kilogram"
    if kind == "n":
        return str(r.randint(3, 900))
    raise KeyError(kind)


def _skewed_number(r: random.Random) -> int:
    magnitude = r.choice([10, 100, 1000, 10000, 100000])
    return max(2, int(magnitude * (1 + 9 * r.random())) // (10 if magnitude > 100 else 1) * (10 if magnitude > 100 else 1))


def _person(ctx: Ctx, *, new: bool = False) -> tuple[str, str]:
    r = ctx.rng
    if ctx.people and not new and r.random() < 0.6:
        return r.choice(ctx.people)
    pool = ctx.pools.people_en if (ctx.lang == "en" and r.random() < 0.35) else ctx.pools.people_id
    person = _skewed(r, pool)
    ctx.people.append(person)
    return person


def _org(ctx: Ctx) -> str:
    r = ctx.rng
    if ctx.orgs and r.random() < 0.5:
        return r.choice(ctx.orgs)
    roll = r.random()
    if roll < 0.4:
        name, short = r.choice(AGENCIES_EN if ctx.lang == "en" else AGENCIES_ID)
        org = f"{name} ({short})" if short and r.random() < 0.5 else (short or name)
    elif roll < 0.75:
        org = _skewed(r, ctx.pools.companies_en if ctx.lang == "en" and r.random() < 0.5 else ctx.pools.companies_id)
    else:
        org = _skewed(r, ctx.pools.institutes_en if ctx.lang == "en" else ctx.pools.institutes_id)
    ctx.orgs.append(org)
    return org


def _place(ctx: Ctx) -> str:
    r = ctx.rng
    if ctx.places and r.random() < 0.5:
        return r.choice(ctx.places)
    village = _skewed(r, ctx.pools.villages)
    if ctx.lang == "en":
        place = f"{village} {r.choice(PLACE_KINDS_EN)}" if r.random() < 0.6 else village
    else:
        place = f"{r.choice(PLACE_KINDS_ID)} {village}"
    ctx.places.append(place)
    return place


def _title(ctx: Ctx) -> str:
    r, en = ctx.rng, ctx.lang == "en"
    title = r.choice(TITLES_EN if en else TITLES_ID)
    if "{" in title:
        title = _fill(ctx, _compile(title))
    return title


def _slot(ctx: Ctx, name: str) -> str:
    r, en = ctx.rng, ctx.lang == "en"
    if name == "tperson" or name == "Tperson":
        person = _person(ctx, new=True)
        ctx.introduced.add(person)
        title = _title(ctx)
        if en and title.endswith(","):
            # "Budi Santoso, chief executive of PT X," reads as English news does.
            return f"{person[0]} {person[1]}, {title[:-1]}"
        return f"{title} {person[0]} {person[1]}"
    if name in ("sur", "Surname"):
        person = _person(ctx)
        if person not in ctx.introduced:
            ctx.introduced.add(person)
            return f"{person[0]} {person[1]}"
        # Later references: the surname in English, the first name in Indonesian ("kata Rahmat").
        return person[1] if en else person[0]
    if name in ("org", "Org"):
        return _org(ctx)
    if name in ("place", "Place"):
        return _place(ctx)
    if name == "city":
        return r.choice(CITIES_FOREIGN) if r.random() < 0.15 else r.choice(CITIES_ID)
    if name == "province":
        return r.choice(PROVINCES)
    if name == "country":
        return r.choice(COUNTRIES_EN if en else COUNTRIES_ID)
    if name == "country_cap":
        c = r.choice(COUNTRIES_EN)
        return c[0].upper() + c[1:]
    if name == "company":
        return _skewed(r, ctx.pools.companies_id)
    if name == "institute":
        return _skewed(r, ctx.pools.institutes_en if en else ctx.pools.institutes_id)
    if name == "agency":
        return r.choice(AGENCIES_EN if en else AGENCIES_ID)[1] or r.choice(AGENCIES_EN)[0]
    if name == "open":
        return r.choice(OPEN_EN if en else OPEN_ID)
    if name in ("subj", "subjh"):
        s = r.choice(SUBJ_EN if en else SUBJ_ID)
        return s.title() if name == "subjh" and not en else s
    if name == "verb":
        return r.choice(VERB_EN if en else VERB_ID)
    if name == "verbq":
        return r.choice(VERBQ_EN if en else VERBQ_ID)
    if name in ("obj", "objh"):
        topic = ctx.topic if r.random() < 0.8 else r.choice(TOPICS)
        o = r.choice(OBJ_EN[topic] if en else OBJ_ID[topic])
        if name == "objh":
            o = o[4:] if en and o.startswith("the ") else o
            return o if en else o.title()
        return o
    if name == "verbh":
        return r.choice(VERBH_ID)
    if name == "adj":
        return _fill(ctx, _ADJ_EN[r.randrange(len(_ADJ_EN))] if en else _ADJ_ID[r.randrange(len(_ADJ_ID))])
    if name == "quote_id":
        return r.choice(QUOTE_ID)
    if name == "quote_en":
        return r.choice(QUOTE_EN)
    if name in ("commodity", "Commodity"):
        c = r.choice(COMMODITIES)[0]
        return c.title() if name == "Commodity" else c
    if name in ("commodity_en", "Commodity_en"):
        c = r.choice(COMMODITIES)[1]
        return c.capitalize() if name == "Commodity_en" else c
    if name == "headline":
        return _headline(ctx)
    ev = ctx.event
    if ev is not None:
        if name == "Thing":
            return ev.thing
        if name == "Where":
            return ev.where_en if en else ev.where_id
        if name == "Firm":
            return ev.firm
        if name == "Boss":
            return f"{ev.boss_title_en if en else ev.boss_title_id} {ev.boss[0]} {ev.boss[1]}"
        if name == "Agency":
            return ev.agency_en if en else ev.agency_id
        if name == "City":
            return ev.city
    return _figure(ctx, name)


def _fill(ctx: Ctx, parts: tuple[str, ...]) -> str:
    out = []
    for i, part in enumerate(parts):
        out.append(_slot(ctx, part) if i % 2 else part)
    return "".join(out)


_SENT_ID = [_compile(s) for s in SENT_ID]
_SENT_EN = [_compile(s) for s in SENT_EN]
_ADJ_ID = [_compile(s) for s in ADJ_ID]
_ADJ_EN = [_compile(s) for s in ADJ_EN]
_HEAD_ID = [_compile(s) for s in HEAD_ID]
_HEAD_EN = [_compile(s) for s in HEAD_EN]
_NOISE_ID = [_compile(s) for s in NOISE_ID]
_NOISE_EN = [_compile(s) for s in NOISE_EN]
_SPACES = re.compile(r"\s{2,}")


def _sentence(ctx: Ctx, parts: tuple[str, ...]) -> str:
    text = _SPACES.sub(" ", _fill(ctx, parts)).strip()
    return text[0].upper() + text[1:] if text and text[0].islower() else text


def _headline(ctx: Ctx) -> str:
    saved = (list(ctx.people), set(ctx.introduced), list(ctx.places), list(ctx.orgs))
    text = _sentence(ctx, ctx.rng.choice(_HEAD_EN if ctx.lang == "en" else _HEAD_ID))
    ctx.people, ctx.introduced, ctx.places, ctx.orgs = saved
    return text


@dataclass
class Article:
    index: int
    lang: str
    date: dt.date
    title: str
    paragraphs: list[str]  # noise lines are paragraphs too
    source: str
    author: str
    city: str
    tags: list[str]
    thread: str = ""


def make_article(index: int, seed: int, pools: Pools, event: Event | None, lang: str, day: dt.date) -> Article:
    rng = random.Random(seed * 1_000_003 + index)
    topic = event.spec["topic"] if event else rng.choice(TOPICS)
    ctx = Ctx(rng, lang, topic, day, pools, event=event)
    en = lang == "en"
    target = int(min(1200, max(150, rng.lognormvariate(6.05, 0.55))))
    sents = _SENT_EN if en else _SENT_ID
    if event is not None:
        spec = event.spec
        title = _sentence(ctx, _compile(rng.choice(spec["en_head" if en else "id_head"])))
        event_sents = [_compile(s) for s in spec["en_sent" if en else "id_sent"]]
    else:
        title = _headline(ctx)
        event_sents = []
    noise = _NOISE_EN if en else _NOISE_ID
    paragraphs: list[str] = []
    words = 0
    while words < target:
        para = []
        for _ in range(rng.randint(1, 4)):
            if event_sents and rng.random() < 0.45:
                parts = event_sents[rng.randrange(len(event_sents))]
            else:
                parts = sents[rng.randrange(len(sents))]
            para.append(_sentence(ctx, parts))
        text = " ".join(para)
        words += text.count(" ") + 1
        paragraphs.append(text)
        if rng.random() < 0.08:
            paragraphs.append(_sentence(ctx, noise[rng.randrange(len(noise))]))
    city = event.city if event and rng.random() < 0.5 else rng.choice(CITIES_ID)
    author = " ".join(_skewed(rng, pools.people_en if en and rng.random() < 0.5 else pools.people_id))
    tags = rng.sample([topic, *(t for t in ctx.places[:2]), *(o for o in ctx.orgs[:1])], k=min(3, 1 + len(ctx.places[:2]) + len(ctx.orgs[:1])))
    if event is not None:
        tags.append(event.thing.lower())
    return Article(index, lang, day, title, paragraphs, rng.choice(SOURCES_EN if en else SOURCES_ID), author, city,
                   [t for t in tags if t], event.thread_id if event else "")


def _slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:7]) or "artikel"


def _dateline(article: Article, rng: random.Random) -> str:
    d = article.date
    if article.lang == "en":
        return rng.choice([f"{article.city.upper()}, {MONTHS_EN_ABBR[d.month - 1]} {d.day}, {d.year}",
                           f"{article.city}, {WEEKDAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year}"])
    return rng.choice([f"{article.city}, {WEEKDAYS_ID[d.weekday()]} ({d.day}/{d.month}/{d.year})",
                       f"{article.city.upper()}, {d.day} {MONTHS_ID[d.month - 1]} {d.year}"])


def _url(article: Article) -> str:
    site = re.sub(r"[^a-z]+", "-", article.source.lower()).strip("-")
    return f"https://example.com/{site}/{article.date:%Y/%m/%d}/{_slug(article.title)}-{article.index}"


def render_txt(article: Article, rng: random.Random) -> str:
    return f"{article.title}\n\n{_dateline(article, rng)}\n\n" + "\n\n".join(article.paragraphs) + "\n"


def render_md(article: Article, rng: random.Random) -> str:
    en = article.lang == "en"
    meta = [
        "---",
        f"title: {json.dumps(article.title, ensure_ascii=False)}",
        f"date: {article.date.isoformat()}",
        f"source: {json.dumps(article.source, ensure_ascii=False)}",
        f"url: {_url(article)}",
        f"lang: {article.lang}",
        f"tags: {json.dumps(article.tags, ensure_ascii=False)}",
        f"author: {json.dumps(article.author, ensure_ascii=False)}",
        "---",
        "",
    ]
    paras = list(article.paragraphs)
    paras[0] = f"**{article.city.upper()}, {article.source.upper()}** — {paras[0]}"
    out = []
    heads = SUBHEADS_EN if en else SUBHEADS_ID
    for i, para in enumerate(paras):
        if i and i % 5 == 0 and rng.random() < 0.6:
            out.append(f"## {rng.choice(heads)}")
        if rng.random() < 0.05 and ". " in para:
            items = [s.strip().rstrip(".") for s in para.split(". ") if s.strip()]
            out.append("\n".join(f"- {item}" for item in items))
        else:
            out.append(para)
    return "\n".join(meta) + "\n\n".join(out) + "\n"


_HTML_HEAD = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="UTF-8">
<title>{title} - {source}</title>
<meta name="author" content="{author}">
<meta property="og:site_name" content="{source}">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}T{hh:02d}:{mm:02d}:00+07:00">
<meta name="keywords" content="{keywords}">
<link rel="stylesheet" href="https://example.net/static/css/main.css">
<script type="application/ld+json">{ld}</script>
<script>var _paywall = {{meter: 5, region: "ID"}}; window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<div id="cookie-notice" class="cookie">This website uses cookies to ensure you get the best experience. <a href="/cookies">Learn more</a> <button>Got it</button></div>
<header>
  <div class="brand"><a href="/">{source}</a></div>
  <nav id="menu"><a href="/news">News</a> <a href="/politics">Politics</a> <a href="/business">Business</a> <a href="/regions">Regions</a> <a href="/world">World</a> <a href="/sports">Sports</a></nav>
</header>
<div class="container"><div class="main-col">
<article id="article-body">
<h1>{title}</h1>
<div class="meta"><span class="author">{author}</span> | <span class="place">{city}</span> | <time datetime="{date}">{date}</time></div>
"""
_HTML_TAIL = """</article>
</div>
<aside class="sidebar"><h3>{popular}</h3><ul>{side}</ul></aside>
</div>
<footer><p>&copy; {year} {source}. All rights reserved.</p><a href="/about">About</a> <a href="/privacy">Privacy</a> <a href="/contact">Contact</a></footer>
<script src="https://example.net/static/js/app.js"></script>
<script>(function(){{var s=document.createElement('script');s.src='https://ads.example.net/tag.js';document.body.appendChild(s);}})();</script>
</body>
</html>
"""


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def render_html(article: Article, rng: random.Random, other_titles: list[str]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
                     "datePublished": article.date.isoformat(), "author": {"@type": "Person", "name": article.author}},
                    ensure_ascii=False).replace("</", "<\\/")
    head = _HTML_HEAD.format(lang=article.lang, title=_esc(article.title), source=_esc(article.source),
                             author=_esc(article.author), url=_url(article), date=article.date.isoformat(),
                             hh=rng.randint(5, 22), mm=rng.randint(0, 59), keywords=_esc(", ".join(article.tags)),
                             ld=ld, city=_esc(article.city))
    body = []
    for para in article.paragraphs:
        if para.isupper() or para.startswith(("Baca", "Also read", "Read more", "Related", "Berita terkait", "Simak", "Iklan", "Advert")):
            body.append(f'<div class="advert"><p>{_esc(para)}</p><div id="div-gpt-ad-{rng.randint(1, 99)}"></div></div>')
        else:
            body.append(f"<p>{_esc(para)}</p>")
    side = "".join(f'<li><a href="/n/{i}">{_esc(t)}</a></li>' for i, t in enumerate(other_titles))
    tail = _HTML_TAIL.format(popular="Terpopuler" if article.lang == "id" else "Most read", side=side,
                             year=article.date.year, source=_esc(article.source))
    return head + "\n".join(body) + "\n" + tail


def render_json_record(article: Article, rng: random.Random) -> dict:
    date = article.date.isoformat() if rng.random() < 0.5 else f"{article.date.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+07:00"
    return {"title": article.title, "body": "\n\n".join(article.paragraphs), "url": _url(article), "date": date,
            "source": article.source, "lang": article.lang, "tags": article.tags, "author": article.author}


# --------------------------------------------------------------------------------------------
# The library: plan, then write
# --------------------------------------------------------------------------------------------

START_DATE = dt.date(2023, 1, 1)
DAYS = 1000


def plan_threads(rng: random.Random, pools: Pools, count: int) -> dict[int, tuple[Event, str, dt.date]]:
    """Which article indexes belong to a thread: index -> (event, language, date)."""
    members: dict[int, tuple[Event, str, dt.date]] = {}
    budget = int(count * THREAD_FRACTION)
    number = 0
    free = list(range(count))
    rng.shuffle(free)
    while budget >= 3 and len(free) >= 8:
        size = min(budget, rng.randint(3, 8))
        if size < 3:
            break
        spec = EVENTS[number % len(EVENTS)]
        start = START_DATE + dt.timedelta(days=rng.randrange(DAYS - 20))
        thing = pools.fresh_word(rng)
        if spec["kind"] == "wabah":
            thing = rng.choice(DISEASE_NAMES).replace("{X}", thing)
        where = pools.fresh_word(rng)
        boss = (rng.choice(ID_FIRST), pools.fresh_word(rng))
        event = Event(
            thread_id=f"t{number:05d}-{spec['kind']}", spec=spec, thing=thing,
            where_id=f"{rng.choice(['Kabupaten', 'Kecamatan', 'Desa', 'Teluk'])} {where}", where_en=where,
            city=rng.choice(CITIES_ID), firm=f"PT {pools.fresh_word(rng)} {rng.choice(COMPANY_WORDS)}", boss=boss,
            boss_title_id=rng.choice(["Direktur Utama", "Kepala Dinas", "Bupati", "Ketua Tim"]),
            boss_title_en=rng.choice(["chief executive", "agency head", "regent", "task force chief"]),
            agency_id=rng.choice(AGENCIES_ID)[0], agency_en=rng.choice(AGENCIES_EN)[0], start=start,
        )
        offsets = sorted(rng.sample(range(0, 14), size))
        for offset in offsets:
            index = free.pop()
            members[index] = (event, "en" if rng.random() < 0.4 else "id", start + dt.timedelta(days=offset))
        budget -= size
        number += 1
    return members


def assign_formats(rng: random.Random, count: int) -> list[str]:
    names = [n for n, _ in FORMAT_WEIGHTS]
    weights = [w for _, w in FORMAT_WEIGHTS]
    return rng.choices(names, weights=weights, k=count)


def generate(count: int, out: Path, seed: int = 20250812, quiet: bool = False) -> dict:
    started = time.perf_counter()
    master = random.Random(seed)
    pools = Pools(master)
    threads = plan_threads(master, pools, count)
    formats = assign_formats(master, count)
    langs = ["en" if master.random() < 0.4 else "id" for _ in range(count)]
    days = [START_DATE + dt.timedelta(days=master.randrange(DAYS)) for _ in range(count)]
    out.mkdir(parents=True, exist_ok=True)
    thread_rows: list[tuple[str, str, str, str, str]] = []
    made_dirs: set[Path] = set()
    counters = {"txt": 0, "md": 0, "html": 0}
    jsonl_buffer: list[str] = []
    jsonl_file = 0
    recent_titles: list[str] = []
    words = 0

    def flush_jsonl() -> None:
        nonlocal jsonl_file, jsonl_buffer
        if not jsonl_buffer:
            return
        folder = out / "jsonl"
        if folder not in made_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            made_dirs.add(folder)
        (folder / f"feed-{jsonl_file:05d}.jsonl").write_text("\n".join(jsonl_buffer) + "\n", encoding="utf-8")
        jsonl_file += 1
        jsonl_buffer = []

    for index in range(count):
        event, lang, day = threads.get(index, (None, langs[index], days[index]))
        article = make_article(index, seed, pools, event, lang, day)
        words += sum(p.count(" ") + 1 for p in article.paragraphs)
        rng = random.Random(seed * 7_919 + index)
        kind = formats[index]
        if kind == "jsonl":
            record = render_json_record(article, rng)
            jsonl_buffer.append(json.dumps(record, ensure_ascii=False))
            key = f"jsonl/feed-{jsonl_file:05d}.jsonl#{record['url']}"
            url = record["url"]
            if len(jsonl_buffer) >= JSONL_PER_FILE:
                flush_jsonl()
        else:
            number = counters[kind]
            counters[kind] += 1
            folder = out / kind / f"{number // FILES_PER_DIR:03d}"
            if folder not in made_dirs:
                folder.mkdir(parents=True, exist_ok=True)
                made_dirs.add(folder)
            name = f"{article.date.isoformat()}-{_slug(article.title)}-{index}.{kind}"
            if kind == "txt":
                text, url = render_txt(article, rng), ""
            elif kind == "md":
                text, url = render_md(article, rng), _url(article)
            else:
                text, url = render_html(article, rng, recent_titles[-6:]), _url(article)
            with open(folder / name, "w", encoding="utf-8") as handle:
                handle.write(text)
            key = f"{kind}/{folder.name}/{name}"
        if article.thread:
            thread_rows.append((key, url, article.thread, article.lang, article.date.isoformat()))
        recent_titles.append(article.title)
        if len(recent_titles) > 50:
            del recent_titles[:25]
        if not quiet and index and index % 10000 == 0:
            print(f"  {index} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    flush_jsonl()
    with open(out / "threads.tsv", "w", encoding="utf-8") as handle:
        handle.write("key\turl\tthread\tlang\tdate\n")
        for row in sorted(thread_rows, key=lambda r: (r[2], r[4], r[0])):
            handle.write("\t".join(row) + "\n")
    manifest = {"generator_version": GENERATOR_VERSION, "count": count, "seed": seed, "words": words,
                "threads": len({r[2] for r in thread_rows}), "thread_articles": len(thread_rows),
                "seconds": round(time.perf_counter() - started, 1)}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def is_generated(out: Path, count: int, seed: int) -> bool:
    """True when ``out`` already holds this exact library (same size, seed and generator version)."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("count") == count and manifest.get("seed") == seed and manifest.get("generator_version") == GENERATOR_VERSION


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20250812)
    parser.add_argument("--force", action="store_true", help="regenerate even if the folder already holds this library")
    args = parser.parse_args(argv)
    if not args.force and is_generated(args.out, args.count, args.seed):
        print(f"{args.out}: already generated ({args.count} articles, seed {args.seed})")
        return
    if args.out.exists() and any(args.out.iterdir()) and not (args.out / "manifest.json").exists() and not args.force:
        sys.exit(f"{args.out}: not empty and not a generated library; pick another folder or pass --force")
    if args.force and (args.out / "manifest.json").exists():
        import shutil
        shutil.rmtree(args.out)
    manifest = generate(args.count, args.out, args.seed)
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
