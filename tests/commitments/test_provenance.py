"""Provenance: the ``rule`` of each record names the cue kind and the strategies that produced it, on real
sentences (Xinhua samples, CNN Arabic, BBC Arabic). The vocabulary is documented in
tasks/commitments/tagger.py and tasks/commitments/arguments.py; the texts are those of test_commitments.py.

Stanza's answers are frozen in tests/fixtures/nlp/commitments.test_provenance.json: a new or changed text
needs `python -m tests.freeze_nlp`."""

from tasks.commitments.arguments import ACTOR_PASSES, SUBJECT_STRATEGIES, strategy_name
from tests.rules import of, records

KEYS = ("cue", "addressee", "subject", "actor", "counterpart", "speaker", "sentence")


def steps(rule: str) -> list[tuple[str, str]]:
    return [tuple(step.split(":", 1)) for step in rule.split("|")]  # type: ignore[misc]


def well_formed(rule: str) -> bool:
    """key:value steps, keys in the documented order (an addressee before the subject it fell back on), one
    cue, counterpart, speaker and sentence step."""
    keys = [k for k, _ in steps(rule)]
    order = [KEYS.index(k) for k in keys]
    return order == sorted(order) and all(keys.count(k) == 1 for k in ("cue", "counterpart", "speaker", "sentence"))


def test_strategy_names_are_unique_and_short():
    names = [strategy_name(s) for s in SUBJECT_STRATEGIES] + [strategy_name(p) for p in ACTOR_PASSES]
    assert len(names) == len(set(names))
    assert "dual_verb" in names and "after_complementizer" in names and "clause_initial_vso" in names
    assert not any(n.startswith(("_", "subject_")) for n in names)


def test_lexical_cue_subject_after_complementizer_counterpart_with_speaker_in_the_sentence(nlp):
    (r,) = records(nlp, "بيشكك 25 أكتوبر 2023 (شينخوا) قال رئيس مجلس الدولة الصيني لي تشيانغ هنا اليوم إن الصين "
                        "مستعدة للعمل مع قيرغيزستان لتوسيع نطاق التعاون الاقتصادي والتجاري.\n")  # fmt: skip
    assert r["rule"] == ("cue:lexical|subject:after_complementizer|counterpart:preposition|speaker:sentence|"
                         "sentence:body")  # fmt: skip


def test_negated_future_cue(nlp):
    (r,) = records(nlp, "وقال الرئيس القازاقي قاسم-جومارت توكاييف إن الجانب القازاقي لن يضر تحت أي ظرف من الظروف "
                        "بمصالح الصين.\n", lead="الصين وقازاقستان تبحثان التعاون\n")  # fmt: skip
    assert r["rule"].startswith("cue:negfuture|subject:after_complementizer|")
    assert "speaker:sentence" in r["rule"]


def test_verb_subject_order_and_no_speaker(nlp):
    (r,) = records(nlp, "وستعمل الصين مع قيرغيزستان وطاجيكستان في إنشاء مراكز ثقافية.\n")
    assert r["rule"] == "cue:future|subject:after_verb|counterpart:preposition|speaker:none|sentence:body"


def test_speaker_carried_from_the_sentence_before_and_self_word(nlp):
    rs = records(nlp, "وقال الرئيس الصيني شي جين بينغ إن الصين ستعمل مع قازاقستان في مكافحة الإرهاب.\n"
                      "من جانبه، توجه توكاييف بتهنئة حارة إلى الحزب الشيوعي الصيني، مضيفا أنه في ظل القيادة "
                      "القوية لشي، حققت الصين إنجازات تاريخية.\n"
                      "وأضاف أن بلاده ممتنة للدعم الذي قدمته الصين، وهي على استعداد لتقوية العلاقات الثنائية.\n",
                 lead="الصين وقازاقستان تبحثان التعاون\n")  # fmt: skip
    by_trigger = {r["trigger"]: r["rule"] for r in rs}
    assert "speaker:sentence" in by_trigger["ستعمل"]
    assert "subject:self_word" in by_trigger["على استعداد"] and "speaker:carried" in by_trigger["على استعداد"]


def test_first_person_provenance(nlp):
    # (a relative clause on a party gives no record now: tests/commitments/test_commitments.py)
    rs = records(nlp, "وقال ولي العهد السعودي الأمير محمد بن سلمان لوكالة بلومبيرغ: \"سنواصل اتصالاتنا بالحكومة "
                      "التركية\".\n", lead="السعودية وتركيا\n")  # fmt: skip
    assert [r["rule"] for r in rs] == [
        "cue:future|subject:first_person|counterpart:other_side|speaker:sentence|sentence:body"
    ]  # «اتصالاتنا بالحكومة التركية»: Turkey, the article's other side


def test_actor_passes_that_changed_the_actors_are_named(nlp):
    rs = records(nlp, "فقد وقع رئيس الوزراء الإثيوبي آبي أحمد والرئيس الإريتري إسياس أفورقي في يوليو/تموز الماضي "
                      "إعلانا يقول بانتهاء حالة الحرب بين البلدين.\n", lead="إثيوبيا وإريتريا\n")  # fmt: skip
    (signed,) = of(rs, "signed")
    assert "|actor:signers_before_document|" in signed["rule"]
    rs = records(nlp, "دبي، الإمارات العربية المتحدة (CNN)- كشفت شركة قطر غاز، الأثنين، عن توقيع اتفاقية بيع "
                      "وشراء طويلة الأمد مع شركة بتروتشاينا.\nوقال بيان صدر عن \"قطر غاز\"، إنه بموجب هذه الاتفاقية، "
                      "ستقوم قطر غاز بتزويد الغاز الطبيعي المسال إلى الصين، وهو مشروع مشترك بين قطر للبترول "
                      "وإكسون موبيل.\n", lead="قطر تزود الصين بالغاز\n")  # fmt: skip
    by_trigger = {r["trigger"]: r["rule"] for r in rs}
    assert by_trigger["توقيع"] == "cue:lexical|subject:none|actor:announcer|counterpart:preposition|speaker:none|" \
                                  "sentence:body"
    assert "|actor:clause_initial_vso|counterpart:preposition|" in by_trigger["ستقوم"]
    assert by_trigger["تزود"].startswith("cue:headline|") and by_trigger["تزود"].endswith("|sentence:title")


def test_addressees_of_calls(nlp):
    (r,) = records(nlp, "قال رئيس مجلس الدولة الصيني لي تشيانغ إن البلدين جاران.\n"
                        "كما دعا لي الجانبين إلى مواصلة تعزيز التعاون في مكافحة الإرهاب.\n")  # fmt: skip
    assert r["rule"].startswith("cue:lexical|addressee:group|")
    (r,) = records(nlp, "رئيس مجلس الدولة يدعو الصين وقيرغيزستان إلى التركيز على التعاون.\n")
    assert r["rule"].startswith("cue:lexical|addressee:object|")


def test_coordinated_cues_and_every_rule_is_well_formed(nlp):
    rs = records(nlp, "وقال تشين إن الصين ستدعم بقوة قيرغيزستان في حماية سيادتها الوطنية، وستدعم تلك الدول في "
                      "اختيار مسارات التنمية، وستعارض بحزم أي تدخل خارجي في الشؤون الداخلية.\n")  # fmt: skip
    rs += records(nlp, "اجتمع الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين والرئيس الإيراني حسن "
                       "روحاني في أنقرة لبحث الأزمة في سوريا. وتشهد سوريا حربا منذ 2011، وتدعم روسيا وإيران الحكومة "
                       "في سوريا.\n"
                       "كما كرر القادة الثلاثة عزمهم على تسريع جهودهم لضمان الهدوء على الأرض.\n",
                  lead="القمة الثلاثية تتعهد بالتوصل لوقف إطلاق نار دائم في سوريا\n")  # fmt: skip
    assert len(rs) == 5
    assert all(well_formed(r["rule"]) for r in rs), [r["rule"] for r in rs]
    assert [r["rule"].split("|")[1] for r in rs[3:]] == ["subject:group", "subject:group"]


def test_a_state_reporting_with_a_pronoun_complementizer_is_the_subject(nlp):
    # France24 and Asharq Al-Awsat: the state or body that announces is the pronoun's referent; a body after
    # «مع» or a person's title is not («وقال في مقابلة مع التلفزيون الإيراني إنه يسعى»)
    rs = records(nlp, "وأعلنت إسرائيل أمس الثلاثاء أنها سترفع الحظر على البضائع التجارية.\n"
                      "كما أكدت الحكومة القطرية أنها ستعمل على منع استيراد منتجات الألبان السعودية عبر بلد ثالث.\n")
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["سترفع"]["actors"] == ["Israel"] and "subject:reporter" in by_trigger["سترفع"]["rule"]
    assert by_trigger["ستعمل"]["actors"] == ["Qatar"] and "subject:reporter" in by_trigger["ستعمل"]["rule"]
    assert records(nlp, "وقال في مقابلة مع التلفزيون الإيراني الأسبوع الماضي، إنه يسعى إلى حل سياسي في الجنوب "
                        "الغربي.\n") == []  # fmt: skip


def test_a_political_party_acts_for_itself_not_its_state(nlp):
    # France24: «دعت جماعة الإخوان المسلمين إلى إخراج مصر …» is the Brotherhood's call, not Egypt's
    (r,) = records(nlp, "دعت جماعة الإخوان المسلمين إلى إخراج مصر مما وصفته بـ\"النفق المظلم\"، وذلك في الذكرى "
                        "الخامسة لفض اعتصامي \"رابعة\" و\"النهضة\".\n")  # fmt: skip
    assert r["actors"] == ["Muslim Brotherhood"]


def test_an_office_title_after_a_name_gives_the_persons_state(nlp):
    # BBC (Sudan): «ستيفن كوتسيس، القائم بأعمال السفارة الأمريكية» is how the article names him first; here the
    # title follows the name, as in «كيم كي غوان، النائب الأول لوزير الخارجية الكوري الشمالي»
    rs = records(nlp, "وقال ستيفن كوتسيس، المبعوث الأمريكي إلى السودان، \"سنعمل مع الخرطوم لرفعها من القائمة\".\n",
                 lead="الولايات المتحدة والسودان\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["سنعمل"]["actors"] == ["United States"]
