"""The footnotes' citations: forms read, variants merged, back-references resolved, BibTeX."""
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from pybtex.database import parse_string

from edition.build import convert
from edition.citations import DATA, KINDS, parse_citations, render_bibtex

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def notes():
    return convert(ROOT).note_texts()


@pytest.fixture(scope="module")
def citations(notes):
    return parse_citations(notes)


def work(citations, number):
    """The single work note `number` cites."""
    keys = citations.notes[number].works
    assert len(keys) == 1, (number, keys)
    return citations.works[keys[0]]


def key(citations, number):
    return work(citations, number).key


# ---------------------------------------------------------------- the whole pass


def test_every_note_gets_a_kind(citations):
    assert sorted(citations.notes) == list(range(1, 274))
    assert {n.kind for n in citations.notes.values()} <= set(KINDS)
    for note in citations.notes.values():
        assert bool(note.works) == (note.kind != "explanatory"), note


def test_works_are_ordered_by_first_citation_and_know_their_notes(citations):
    firsts = [w.cited_in[0] for w in citations.works.values()]
    assert firsts == sorted(firsts)
    for w in citations.works.values():
        assert all(w.key in citations.notes[n].works for n in w.cited_in)
    cited = {(n.number, k) for n in citations.notes.values() for k in n.works}
    assert cited == {(n, w.key) for w in citations.works.values() for n in w.cited_in}


def test_the_thesis_cites_about_130_works(citations):
    assert 120 <= len(citations.works) <= 140
    assert Counter(n.kind for n in citations.notes.values())["explanatory"] == 8


# ---------------------------------------------------------------- books


def test_authored_book(citations):
    w = work(citations, 1)  # 劉慶元著，解析中共國家安全戰略(台北市：揚智文化事業股份有限公司，2003 年)，頁 103。
    assert w.entry_type == "book" and w.language == "zh"
    assert w.fields == {
        "author": "劉慶元", "title": "解析中共國家安全戰略", "address": "台北市",
        "publisher": "揚智文化事業股份有限公司", "year": "2003", "language": "chinese",
    }
    assert citations.notes[1].locator == "頁 103"


def test_edited_book_with_two_editors(citations):
    w = work(citations, 4)
    assert w.key == "xing2007shanghai"
    assert w.fields["editor"] == "邢廣程 and 孫壯志" and "author" not in w.fields
    assert key(citations, 15) == key(citations, 32) == w.key  # 長春 / 長春市


def test_roles_of_compilers_and_corporate_editors(citations):
    assert work(citations, 33).fields["editor"] == "趙明義 and others"  # 趙明義等編著: 編著 names an editor
    assert "author" not in work(citations, 33).fields
    assert work(citations, 235).fields["author"] == "徐萬勝 and others"  # 徐萬勝等著
    assert work(citations, 26).fields["editor"] == "中華民國外交部禮賓司"  # 編印
    assert work(citations, 67).fields["editor"] == "上海社會科學院世界經濟與或冶研究院"  # 編
    assert work(citations, 12).fields["editor"] == "朱浤源 and 中華科際整合研究會"  # 主編，合編
    assert work(citations, 81).fields["editor"] == "丁金光 and 李廣民"  # 丁金光，李廣民主編
    assert work(citations, 169).fields["author"] == "國防部「國防報告書」編篡委員會"


def test_translated_books(citations):
    kumar = work(citations, 11)  # Ranjit Kumar 著，胡龍騰、黃瑋瑩、潘中道合譯，…
    assert kumar.fields["author"] == "Kumar, Ranjit"  # Western persons as "Surname, Given"
    assert kumar.fields["translator"] == "胡龍騰 and 黃瑋瑩 and 潘中道"
    assert kumar.fields["title"] == "研究方法：步驟化學習指南"
    sebille = work(citations, 116)  # Philippe Sebille-Lopez 著、潘革平譯，…
    assert (sebille.fields["author"], sebille.fields["translator"]) == ("Sebille-Lopez, Philippe", "潘革平")
    assert work(citations, 42).fields["author"] == "{布裏辛斯基(Zbigniew Brzezinski)}"  # 原著
    assert work(citations, 42).key == "brzezinski1998daqi"
    assert work(citations, 14).fields["author"] == "Locke, L. F. and Spirduso, W. W. and Silverman, S. J."
    assert work(citations, 25).fields["author"] == "Neuman, W. Lawrence"  # W.lawrence Neuman: not a particle
    assert work(citations, 215).fields["publisher"] == "麥格羅希爾出版，五南圖書有限公司發行"


def test_book_forms_without_role_or_author(citations):
    assert work(citations, 55).fields["author"] == "楊恕"  # 楊恕，轉型的中亞和中國(…)
    assert work(citations, 117).fields["author"] == "孔令標 and 馮述虎"
    dictionary = work(citations, 106)  # 現代漢語詞典(北京市：商務印書館，2005 年版)
    assert "author" not in dictionary.fields and dictionary.fields["year"] == "2005"
    assert work(citations, 273).fields["title"] == "亞太綜合年報 2005-2006"  # in 《》
    assert work(citations, 16).fields["title"] == "中國「新安全觀」與上海合作組織研究"  # 。 before (
    assert citations.notes[16].locator == "導言"


def test_titles_with_their_own_parentheses(citations):
    assert work(citations, 19).fields["title"] == "上海合作組織發展報告(2009)"
    assert work(citations, 73).fields["title"] == "國際戰略與安全形勢評估(2008-2009)"
    assert work(citations, 73).fields["year"] == "2009"


def test_role_glued_to_the_title(citations):
    cotterell = work(citations, 247)  # 轉引自 A. J.科特雷爾、R.M.伯勒爾編：印度洋：…
    assert cotterell.fields["editor"] == "{A. J.科特雷爾} and {R.M.伯勒爾}"  # kept whole
    assert cotterell.fields["title"] == "印度洋：在政治、經濟、軍事上的重要性"
    broken = work(citations, 217)  # 中國現代國際關係研究所編《全球戰略大格局（… — 《 never closed
    assert (broken.fields["editor"], broken.fields["title"]) == ("中國現代國際關係研究所", "全球戰略大格局")
    assert any(n == 217 and "unbalanced" in why for n, why in citations.uncertain)


# ---------------------------------------------------------------- parts of books, articles, theses


def test_chapter_in_an_edited_book(citations):
    chapter = work(citations, 178)  # 傅仁坤，「中亞地緣政治與大國競合」，傅仁坤主編，深入中亞(…)
    assert chapter.entry_type == "incollection"
    assert (chapter.fields["author"], chapter.fields["editor"]) == ("傅仁坤", "傅仁坤")
    assert chapter.fields["booktitle"] == "深入中亞"
    assert chapter.key != key(citations, 38)  # the book itself is another work
    assert work(citations, 63).fields["booktitle"] == "2003 年亞太地區發展報告"  # 〈篇名〉，《書名》
    report = work(citations, 168)  # …，國安局編，非傳統安全威脅研究報告，(台北市，2008 年)
    assert (report.entry_type, report.fields["editor"], report.fields["address"]) == ("incollection", "國安局", "台北市")


def test_conference_paper(citations):
    paper = work(citations, 22)  # 「…」(第 4 屆恐怖主義與國家安全學術研討會，2008 年)，頁 303-309。
    assert paper.entry_type == "inproceedings"
    assert paper.fields["booktitle"] == "第 4 屆恐怖主義與國家安全學術研討會"
    assert citations.notes[22].locator == "頁 303-309" and "pages" not in paper.fields


def test_journal_articles(citations):
    article = work(citations, 5)  # 張宏偉，「上海合作組織-新安全觀的典範」，學術論壇，第 2 期(2005 年)，頁 21-23。
    assert article.entry_type == "article"
    assert article.fields == {
        "author": "張宏偉", "title": "上海合作組織-新安全觀的典範", "journal": "學術論壇",
        "number": "2", "year": "2005", "language": "chinese",
    }
    assert citations.notes[5].locator == "頁 21-23"  # the locator, not the article's pages
    volume = work(citations, 27)  # 第 26 卷第 5 期(2003 年 5 月)
    assert (volume.fields["volume"], volume.fields["number"], volume.fields["month"]) == ("26", "5", "5")
    assert work(citations, 20).fields["number"] == "10"  # 2009 年第 10 期
    assert work(citations, 207).fields["journal"] == "現代國際關係"  # 〈篇名〉，《刊名》
    assert work(citations, 133).fields["translator"] == "王迪"
    assert citations.notes[268].locator == "94"  # page without 頁


def test_article_with_unquoted_title_is_flagged(citations):
    article = work(citations, 272)  # 林霖著，歐盟「東部夥伴關係」計畫簡評，國際政治，…
    assert article.entry_type == "article" and article.fields["title"] == "歐盟「東部夥伴關係」計畫簡評"
    assert any(n == 272 for n, _ in citations.uncertain)


def test_newspaper_pieces(citations):
    piece = work(citations, 60)  # 王崑義，「中共競逐中亞能源之戰略」，青年日報，2007 年 10 月 14 日，版 3。
    assert piece.entry_type == "article" and piece.fields["entrysubtype"] == "newspaper"
    assert (piece.fields["journal"], piece.fields["pages"]) == ("青年日報", "3")
    assert (piece.fields["year"], piece.fields["month"], piece.fields["day"]) == ("2007", "10", "14")
    unsigned = work(citations, 36)
    assert unsigned.fields["journal"] == "人民日報" and "author" not in unsigned.fields
    untitled = work(citations, 177)  # 聯合報，1996 年 4 月 22 日，版 9。: titled by the paper's name
    assert untitled.entry_type == "article" and untitled.fields["title"] == "聯合報"
    assert work(citations, 9).fields["journal"] == "國際關係學報" and "entrysubtype" not in work(citations, 9).fields
    assert "entrysubtype" not in work(citations, 266).fields  # 天下雜誌: a magazine


def test_masters_theses(citations):
    thesis = work(citations, 46)
    assert thesis.entry_type == "mastersthesis"
    assert thesis.fields["school"] == "國立政治大學國家安全與大陸研究所碩士在職專班"
    assert work(citations, 186).entry_type == "mastersthesis"  # …碩士論文(2009 年 1 月)。頁 46-49。
    assert citations.notes[186].locator == "頁 46-49"


def test_reports(citations):
    assert work(citations, 220).entry_type == "techreport"  # by override
    assert work(citations, 169).entry_type == "techreport"  # 中華民國 98 年國防報告書
    assert work(citations, 1).entry_type == "book"


def test_yearbooks_titled_reports_are_books(citations):
    """A 皮書 yearbook is a book a press publishes, though its title says 報告."""
    assert work(citations, 10).entry_type == "book"  # 上海合作組織發展報告(2009), 社會科學文獻出版社
    assert work(citations, 39).entry_type == "book"  # 國際形勢黃皮書--全球政治與安全報告(2008)


# ---------------------------------------------------------------- English, web, explanatory, mixed


def test_english_article_and_book(citations):
    mackinder = work(citations, 28)
    assert mackinder.language == "en" and mackinder.key == "mackinder2004geographical"
    assert mackinder.fields == {
        "author": "Mackinder, H. J.", "title": "The Geographical Pivot of History",
        "journal": "The Geographical Journal", "volume": "170", "year": "2004", "month": "12",
        "language": "english",
    }
    assert citations.notes[28].locator == "p298"
    stern = work(citations, 139)
    assert (stern.entry_type, stern.fields["publisher"], stern.fields["address"]) == (
        "book", "Oxford University Press", "Northants, UK")
    assert citations.notes[139].locator == "pp.57-60"


def test_web_citations(citations):
    page = work(citations, 45)  # …，清雲科技大學中亞研究所(2008 年 1 月 18 日)。網址：http://…
    assert citations.notes[45].kind == "web" and page.entry_type == "online"
    assert page.fields["url"] == "http://w3.cyu.edu.tw/centralasia/chinese/6_1.htm#end"
    assert page.fields["organization"] == "清雲科技大學中亞研究所"
    bare = work(citations, 48)  # 參閱網址：http：//www.eurasianet.org/…  (full-width colon repaired)
    assert bare.fields["url"] == "http://www.eurasianet.org/resource/uzbekistan/index.shtml"
    assert bare.key == "eurasianet"
    assert key(citations, 93) == key(citations, 94)  # site name then ：or ，, same URL
    site = work(citations, 101)  # 上海合作組織區域經濟合作網，「…」，(2003 年 9 月 19 日)，http：//…
    assert (site.fields["organization"], site.fields["day"]) == ("上海合作組織區域經濟合作網", "19")
    assert work(citations, 138).fields["year"] == "2004"  # http：//www.beiwang.com 2004 年 11 月 15 日。
    news = work(citations, 154)  # a newspaper piece read on the web
    assert citations.notes[154].kind == "web" and news.fields["journal"] == "台灣醒報"


def test_explanatory_notes(citations):
    explanatory = sorted(n for n, c in citations.notes.items() if c.kind == "explanatory")
    assert explanatory == [2, 3, 7, 8, 80, 98, 153, 228]
    assert citations.notes[153].works == []  # 巴西(Brazil)… are not publication data
    assert any(n == 98 and "世界經濟千年統計" in why for n, why in citations.uncertain)


def test_mixed_note(citations):
    note = citations.notes[112]  # …俄羅斯正在審議…。」，請參閱俄羅斯新聞網，2006 年 6 月 15 日。網址：http://…
    assert note.kind == "mixed"
    site = work(citations, 112)
    assert site.entry_type == "online" and site.fields["title"] == "俄羅斯新聞網"
    assert site.fields["url"] == "http://big5.rusnews.cn/guoji_sco/20060615/41472542.html"


# ---------------------------------------------------------------- back-references


@pytest.mark.parametrize("number, points_to", [
    (30, 29),  # 國際形勢和中國外交藍皮書, 頁 76 twice
    (59, 58), (75, 74), (76, 74),  # 趙華勝，中國的中亞外交
    (64, 63),  # the chapter in 2003 年亞太地區發展報告
    (83, 82), (119, 118), (150, 149), (152, 149), (156, 155), (161, 160), (164, 163),
    (191, 190), (214, 213), (231, 230), (237, 236), (263, 262),
    (124, 123), (125, 123),  # 前揭書 for 龍舒甲's article: 頁 109 / 109-110 after 頁 109
    (158, 157), (175, 174), (246, 245), (250, 249),  # articles, pages continuing
    (266, 265), (267, 265), (270, 269),  # 馮紹雷's article, 頁 48 → 49 → 50; 50 → 53-54
])
def test_back_reference_resolves_to_the_work_of_the_note_it_points_to(citations, number, points_to):
    note = citations.notes[number]
    assert note.kind == "back-reference"
    assert note.works == citations.notes[points_to].works
    assert number in work(citations, points_to).cited_in


def test_every_back_reference_is_resolved_with_its_page(citations, notes):
    back = {n: c for n, c in citations.notes.items() if c.kind == "back-reference"}
    assert len(back) == 31
    assert all(c.works and c.locator for c in back.values())
    assert back[214].locator == "頁 16"  # 前揭書，頁 16。原文：security, …
    assert not [u for u in citations.uncertain if u[0] in back]


def test_back_reference_forms_on_made_up_notes():
    made_up = parse_citations({
        1: "王小明著，甲書(台北市：某出版社，2001 年)，頁 5。",
        2: "陳大文，「乙文」，某某學報，第 3 期(2001 年 5 月)，頁 9。",
        3: "同上。",
        4: "同註 1，頁 7。",
        5: "王小明，前揭書，頁 8。",
        6: "同註 99。",
    }, overrides={})
    first, second = made_up.notes[1].works, made_up.notes[2].works
    assert (made_up.notes[3].works, made_up.notes[3].locator) == (second, "頁 9")
    assert (made_up.notes[4].works, made_up.notes[4].locator) == (first, "頁 7")
    assert made_up.notes[5].works == first  # the author named before 前揭書
    assert made_up.notes[6].works == [] and [n for n, _ in made_up.uncertain] == [6]


def test_a_back_reference_the_pages_do_not_support_is_flagged():
    made_up = parse_citations({
        1: "陳大文，「乙文」，某某學報，第 3 期(2001 年 5 月)，頁 9。",
        2: "前揭書，頁 250。",  # 書, but the note before cites an article, far from page 9
    }, overrides={})
    assert made_up.notes[2].works == made_up.notes[1].works
    assert [n for n, _ in made_up.uncertain] == [2]


# ---------------------------------------------------------------- one work, written differently


@pytest.mark.parametrize("numbers", [
    (17, 31, 92, 114, 142),  # 穩步向前的上海合作組織：/-/-- 專家學者縱論 SCO
    (70, 265, 269),  # 合作夥伴 / 合作伙伴
    (10, 19, 110),  # 上海合作組織發展報告 / …(2009)
    (39, 189),  # 國際形勢黃皮書-- series prefix
    (163, 213),  # 陳牧民編著 / 著, 國際安全理論：/-- 權力、主權與威脅
    (62, 71, 91),  # (1991 -2007) / (1991~2007)
    (148, 193),  # 戰後國際關係 / 戰後國際關係(1945-2003)
    (208, 210, 258),  # 丁偉等著 / 朱雲漢、賈慶國主編，丁偉等著
    (24, 174),  # 德拉干那 / 德拉幹那（Dr. Dragana Mitrovic）, 何劼鎧 / 何劼鍇
    (41, 45),  # the same paper, once with its URL
    (35, 195),  # ：/ :
    (18, 102, 159),  # 2009 年 / 2009 年 6 月
    (79, 115, 143),  # override (上海聯合組織) and 上海合作組織一新安全觀 (flagged)
])
def test_variants_are_one_work(citations, numbers):
    assert len({key(citations, n) for n in numbers}) == 1


def test_merged_work_keeps_the_fullest_title_and_all_fields(citations):
    assert work(citations, 189).fields["title"] == "國際形勢黃皮書--全球政治與安全報告(2008)"
    assert work(citations, 10).fields["title"] == "上海合作組織發展報告(2009)"
    rise = work(citations, 258)
    assert (rise.fields["author"], rise.fields["editor"]) == ("丁偉 and others", "朱雲漢 and 賈慶國")
    assert work(citations, 41).entry_type == "online" and "url" in work(citations, 41).fields
    assert work(citations, 79).fields["title"] == "上海合作組織--新安全觀與新機制"
    assert any(n == 143 and "approximate" in why for n, why in citations.uncertain)


@pytest.mark.parametrize("a, b", [
    (33, 215),  # both 國際關係, different authors and years
    (38, 178),  # the book 深入中亞 and a chapter in it
    (35, 197),  # two books edited by 張蘊嶺
    (47, 126),  # two articles by 羅勝雄
    (99, 209),  # two articles by 林利民
])
def test_different_works_stay_apart(citations, a, b):
    assert key(citations, a) != key(citations, b)


def test_same_title_by_other_people_elsewhere_is_another_work():
    made_up = parse_citations({
        1: "甲某著，國際關係(台北市：甲出版社，2001 年)，頁 1。",
        2: "乙某著，國際關係(北京市：乙出版社，2001 年)，頁 2。",
        3: "甲某著，國際關係(台北市：甲出版社，2001 年 5 月)，頁 3。",
    }, overrides={})
    assert made_up.notes[1].works == made_up.notes[3].works != made_up.notes[2].works


# ---------------------------------------------------------------- overrides and doubts


def test_overrides_are_few_explained_and_applied(citations):
    overrides = tomllib.loads((DATA / "overrides.toml").read_text(encoding="utf-8"))
    assert len(overrides) <= 6
    assert all(entry.get("why") and entry.get("starts") for entry in overrides.values())
    journal_issue = work(citations, 127)
    assert journal_issue.entry_type == "periodical" and journal_issue.fields["title"] == "俄羅斯東歐中亞研究"
    assert work(citations, 145).fields["title"] == "對擴大上海合作組織框架內能源合作的若干思考"
    assert work(citations, 122).fields["title"] == "『秋儲冬藏－石油篇』對外依存度 52%，中國佈局三大油儲基地"


def test_an_override_for_a_changed_note_is_ignored_and_reported():
    changed = parse_citations({79: "甲著，乙書(台北市：丙出版社，2001 年)，頁 1。"})
    assert work(changed, 79).fields["title"] == "乙書"
    assert changed.uncertain == [(79, "override for note 79 does not match its text; ignored")]


def test_uncertain_notes_are_the_known_doubtful_ones(citations):
    assert sorted({n for n, _ in citations.uncertain}) == [98, 120, 143, 217, 272]
    assert all(isinstance(why, str) and why for _, why in citations.uncertain)


@pytest.mark.parametrize("text", [
    "王小明著，某書(台北市：某出版社，2001 年，頁 5。",  # ( never closed
    "王小明，「某文」，某刊，第 3 期 2001 年 5 月)，頁 9。",  # ) never opened
    "Smith, ((The Book, (London : X, 1999), p.3.",
    "((「」》",
    "",
])
def test_malformed_input_is_reported_not_fatal(text):
    result = parse_citations({1: text}, overrides={})
    assert result.uncertain and result.uncertain[0][0] == 1
    assert result.notes[1].kind in KINDS
    parse_string(render_bibtex(result), "bibtex")


# ---------------------------------------------------------------- BibTeX


def test_bibtex_parses_with_one_entry_per_work(citations):
    text = render_bibtex(citations)
    data = parse_string(text, "bibtex")
    assert list(data.entries) == list(citations.works)
    assert all(re.fullmatch(r"[a-z0-9]+", k) for k in data.entries)
    entry = data.entries["xing2007shanghai"]
    assert entry.type == "book" and entry.fields["publisher"] == "長春出版社"
    assert [str(p) for p in entry.persons["editor"]] == ["邢廣程", "孫壯志"]
    assert [str(p) for p in data.entries[key(citations, 220)].persons["author"]] == [
        "{Office of the Secretary of Defense}"]


def test_keys_are_readable_and_deterministic(citations, notes):
    keys = list(citations.works)
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"^[a-z0-9]+$", k) for k in keys)
    assert not [k for k in keys if re.fullmatch(r"work\d+", k)]  # every key romanised
    assert key(citations, 53) == "zhao2008zhongguo" and key(citations, 139) == "stern2005future"
    assert render_bibtex(parse_citations(notes)) == render_bibtex(citations)


def test_bibtex_entry_layout(citations):
    text = render_bibtex(citations)
    header, _, entries = text.partition("\n\n@")
    assert all(line.startswith("% ") for line in header.splitlines())  # a BibTeX comment
    assert "generated" in header.lower() and "source/citations/overrides.toml" in header
    assert entries.startswith("book{liu2003jiexi,\n  author = {劉慶元},\n  title = {解析中共國家安全戰略},\n")
    assert text.count("\n@") == len(citations.works)
    assert "文獻出版社" in text  # UTF-8 as is, not escaped


def test_no_key_begins_another(citations):
    """mkdocs-bibtex replaces "@" + key as a substring: a key that begins another would eat it."""
    keys = sorted(citations.works)
    assert not [(a, b) for a in keys for b in keys if a != b and b.startswith(a)]
    # the works whose natural keys collided keep readable keys, told apart by a letter
    assert key(citations, 22) == "fu2008zhongyaa" and key(citations, 41) == "fu2008zhongyab"


def test_prefix_free_keys_renames_only_the_shorter_key():
    from edition.citations.keys import prefix_free_keys

    renamed = prefix_free_keys(["shanghai", "shanghai2003", "shanghai2009", "shanghai2009guoji", "xa", "x"])
    assert renamed == {"shanghai": "shanghaia", "shanghai2003": "shanghai2003", "shanghai2009": "shanghai2009a",
                       "shanghai2009guoji": "shanghai2009guoji", "xa": "xa", "x": "xb"}
    new = sorted(renamed.values())
    assert not [(a, b) for a in new for b in new if a != b and b.startswith(a)]


def test_a_key_set_with_a_prefix_is_refused():
    from edition.citations.keys import check_keys

    check_keys(["fu2008zhongyaa", "fu2008zhongyab"])
    with pytest.raises(ValueError, match="'shanghai' is the beginning of key 'shanghai2003'"):
        check_keys(["shanghai2003", "zhao2008zhongguo", "shanghai"])
