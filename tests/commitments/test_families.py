"""Cue families (tasks/commitments/families.toml → families.py) and the candidates they propose (cues.py).

Property tests build surfaces from their parts (proclitic, future «سـ», person prefix, stem, suffix, object
pronoun) independently of the generator and check that the lookup knows each with its family; look-alikes
that are not cues are not known, or propose nothing. Cue tests run on real sentences of the gold sets and of
the corpus sample (normalised text only: no stanza needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tasks.commitments.constants import MODALITIES
from tasks.commitments.cues import family_cues, find_cues
from tasks.commitments.families import (
    FAMILIES,
    FORM_CLASSES,
    IMPERFECT_SUFFIXES,
    LOOKUP,
    PERFECT_SUFFIXES,
    PRONOUNS,
    forms,
    lookup,
)
from tasks.commitments.parties import MentionRef
from tasks.commitments.tagger import _read_sentence
from tasks.text.clitics import verb_lexicon
from tasks.text.normalize import normalize

SOUND_PAST = [(f, stem) for f in FAMILIES for stem in f.past]
SOUND_PRESENT = [(f, stem) for f in FAMILIES for stem in f.present]
# every generated form but those a family excludes as another word («دعوه», «دعونا»: families.toml); sampling
# them made the property test fail once in some twenty runs
ALL_FORMS = [(f.id, w, form) for f in FAMILIES for w, form in forms(f)
             if w not in f.exclude and not (w[:1] in "وف" and w[1:] in f.exclude)]  # fmt: skip


def found(sentence: str) -> list[tuple[str, str, str]]:
    """(modality, cue text, polarity) of every cue of a sentence."""
    return [c[:3] for c in cues(sentence)]


def cues(sentence: str) -> list[tuple[str, str, str, str | None]]:
    """(modality, cue text, polarity, family) of every cue of a sentence."""
    norm = normalize(sentence)
    return [(c[0], norm[c[1] : c[2]], c[3], c.family) for c in find_cues(norm, verb_lexicon())]


def family_of(sentence: str, word: str) -> list[str]:
    """The families of the candidates the families propose on ``word`` in a sentence."""
    norm = normalize(sentence)
    return [c.family for c in family_cues(norm) if norm[c[1] : c[2]].endswith(normalize(word))]


# --- the data file


def test_every_family_is_well_formed() -> None:
    ids = [f.id for f in FAMILIES]
    assert len(ids) == len(set(ids))
    for f in FAMILIES:
        assert f.modality in MODALITIES and f.future_modality in MODALITIES, f.id
        assert set(f.count) <= set(FORM_CLASSES), f.id
        assert f.past or f.past_forms or f.present or f.present_forms or f.masdar or f.participle, f.id


# --- every generated form is recognised


@given(st.sampled_from(ALL_FORMS))
def test_every_generated_form_is_recognised_with_its_family(item) -> None:
    family, word, form = item
    assert form in LOOKUP[word] and form.family == family


@given(st.sampled_from(SOUND_PAST), st.sampled_from(list(PERFECT_SUFFIXES)), st.sampled_from(["", "و", "ف"]),
       st.sampled_from(["", *PRONOUNS]))  # fmt: skip
def test_perfect_forms_built_by_hand_are_recognised(fam_stem, suffix, conj, pronoun) -> None:
    fam, stem = fam_stem
    if pronoun and not fam.objects:
        return
    verb = stem + suffix
    if pronoun:
        verb = (verb[:-1] if verb.endswith("وا") else verb) + pronoun  # «وقعوا» + «ها» → «وقعوها»
    if verb in fam.exclude:
        return  # spelt as another word (families.toml ``exclude``: «عرضا», a show)
    found = [f for f in lookup(conj + verb) if f.family == fam.id]
    assert found and any(f.tense == "past" for f in found), conj + verb


@given(st.sampled_from(SOUND_PRESENT), st.sampled_from(["ي", "ت"]), st.sampled_from(list(IMPERFECT_SUFFIXES)),
       st.sampled_from(["", "س"]), st.sampled_from(["", "و", "ف"]))  # fmt: skip
def test_present_and_future_forms_built_by_hand_are_recognised(fam_stem, prefix, suffix, future, conj) -> None:
    fam, stem = fam_stem
    if future and suffix in ("ا", "وا", "ي"):
        return  # the subjunctive follows «لن», never «سـ»
    word = conj + future + prefix + stem + suffix
    if normalize(prefix + stem + suffix) in {normalize(w) for w in fam.exclude} and not future:
        return  # spelt as another word (families.toml ``exclude``: «تقدم», progress)
    tenses = {f.tense for f in lookup(word) if f.family == fam.id}
    assert ("future" if future else "present") in tenses, word


def test_the_issue_forms_are_recognised() -> None:
    expected = {
        "وقعها": "sign", "وقعهما": "sign", "الموقعين": "sign", "التوقيع": "sign", "سيوقعون": "sign",
        "توقيعها": "sign", "وقعتا": "sign", "توقعان": "sign", "اتفقنا": "agree", "اتفقا": "agree",
        "انضمامها": "join", "أبرم": "conclude", "توصلت": "reach", "نتعهد": "pledge", "متعهدا": "pledge",
        "نخطط": "plan", "نتطلع": "look_forward", "عزمها": "resolve", "رغبته": "want", "يريد": "wish",
        "مستعدون": "ready", "منفتح": "open", "قررتا": "decide", "داعيا": "call", "أمله": "hope",
    }  # fmt: skip
    for word, family in expected.items():
        assert family in {f.family for f in lookup(word)}, word


def test_first_person_takes_no_number_suffix() -> None:
    assert lookup("نتعهد") and not lookup("نتعهدان") and not lookup("نتعهدون")


# --- look-alikes


def test_look_alikes_are_not_family_forms() -> None:
    for word in ("يتوقع", "متوقع", "المتوقع", "توقعات", "سيدة", "ستين", "سنجار", "مستعمرة", "سياسة", "سيارة",
                 "خطة", "دعوة", "دعونا", "دعوني"):  # fmt: skip
        assert lookup(word) == (), word


def test_expected_is_not_a_signing_but_she_signs_is() -> None:
    # dev2 (Al Yaum): «توقع» is «expected»
    assert not [c for c in cues("وتوقع ان تستمر حالة الهبوط في الأيام القادمة مع استمرار إيجابية الدولار")
                if c[0] == "signed"]  # fmt: skip
    # seeds (Xinhua): «توقع» is «she signs»
    assert ("intent", "سوف توقع", "positive", "sign") in cues(
        "وسوف توقع الصين وقازقستان اتفاقية بشأن الإعفاء المتبادل من تأشيرات الدخول"
    )


def test_words_that_are_forms_but_mean_something_else_propose_nothing() -> None:
    # «موقع» (a website), «الداعية» (a preacher), «الانضمام» in general, «للتوصل» (a purpose)
    assert family_of("وطالبت الخارجية التركية، في بيان نشرته على موقعها", "موقعها") == []
    assert family_of("دعم تنظيم فتح الله غولن، الداعية الإسلامي التركي", "الداعية") == []
    assert family_of("وتفكر كوريا الجنوبية في الانضمام إلى اتفاقية التجارة الحرة", "الانضمام") == []
    assert family_of("وقد اعتبر اجتماع هاواي حاسما للتوصل الى اتفاق نهائي.", "للتوصل") == []
    # «تطلع على» reads or learns of (اطلع على); looking forward takes «إلى/لـ» (checkset: Asharq Al-Awsat)
    assert family_of("الولايات المتحدة كانت تسمع كل شيء وتقرأ كل شيء، وتطلع على هذه المناقشات", "وتطلع") == []
    assert family_of("وقال إن الصين تتطلع إلى مواصلة التعاون مع قيرغيزستان", "تتطلع") == ["look_forward"]
    assert family_of("وقال إننا نتطلع لأن تكون الزيارة ناجحة", "نتطلع") == ["look_forward"]


# --- candidates on real sentences (dev2, corpus sample)


def test_first_person_agreement_is_a_candidate() -> None:
    (c,) = family_cues(normalize("وقال كيري في مؤتمر صحافي «توافقنا على تسريع بيع بعض الاسلحة الضرورية"))
    assert (c[0], c.family, c.form.person, c.form.number) == ("agreement", "concur", "1", "plural")


def test_participles_with_their_preposition_are_readiness() -> None:
    assert family_of("وقال ترامب إنه منفتح على عقد قمة مع بوتن", "منفتح") == ["open"]
    assert family_of("متعطش للقاء يجمعه مع ترامب", "متعطش") == ["open"]


def test_the_family_fixes_the_modality_in_every_tense() -> None:
    # dev2 (Al Arabiya): «سيسعى» is intent, not a pledge by tense (convention 4)
    assert ("intent", "سيسعي", "positive", "seek") in cues(
        "وخلال المحادثات، برئاسة الاتحاد الأوروبي، سيسعى المسؤولون الإيرانيون وراء ضمانات من الأوروبيين"
    )


def test_negated_past_and_parenthetical_promises_propose_nothing() -> None:
    # dev (BBC): «لم تطالب بها» is history; «كما وعدنا» a parenthetical; «دعوني أقول» a speech formula
    assert family_of("ولكن إريتريا لم تطالب بها أبدا", "تطالب") == []
    assert family_of("قوله \"كما وعدنا شعبنا العزيز، لن ندخر جهداً لزيادة قدرات البلاد", "وعدنا") == []
    assert family_of("وأضاف \"دعوني أقول بضع كلمات للشعب بهذا الصدد", "دعوني") == []


def test_want_is_third_person() -> None:
    # «قرر» proposes a candidate in every number: the actors say whether two parties decide
    # (test_a_decision_needs_two_parties_whatever_the_verbs_number)
    assert family_of("وقال مارادونا على موقع إنستغرام: \"أريد أن أخبر الجميع بأنني بخير\".", "أريد") == []
    assert family_of("وأضاف الرئيس الأميركي مرارا أنه يريد تحسين العلاقات مع موسكو.", "يريد") == ["wish"]


def test_want_with_an_object_pronoun_is_no_intent() -> None:
    # a wish about another's act, or a relative clause (checkset, Sky News Arabia; CNN)
    assert family_of('وتابع: "الاقتصاد الإيراني في أزمة، نريدهم أن يصلحوا اقتصادهم', "نريدهم") == []
    assert family_of('وأضاف: "فهي آخر ما نريده لأننا قلنا مرات عدة أن أحدا لن يستفيد', "نريده") == []


def test_signing_through_representatives_needs_no_document_after() -> None:
    # the guideline's and the issue's example (no real sentence of it in the gold sets or the corpus sample;
    # the issue reports it missed on the unseen sets): the document was named before, each side signs
    assert family_of("ووقعها من جانب الصين وزير التجارة، ومن الجانب القيرغيزي وزير الاقتصاد.", "ووقعها") == ["sign"]
    # corpus (France24): a relative clause on an earlier agreement has no document after: no candidate
    assert family_of("وبموجب الاتفاق الذي وقعه الشركاء في حقلي تمار", "وقعه") == []


def test_adverbs_before_the_next_words_are_skipped() -> None:
    # dev2 (Al Eqtisadiah): «توصلتا بالفعل لاتفاقية» reaches an agreement; without one after, no candidate
    assert family_of("حيث إن سول وبكين توصلتا بالفعل لاتفاقية تجارة حرة ثنائية.", "توصلتا") == ["reach"]
    assert family_of("وقد اعتبر اجتماع هاواي حاسما للتوصل الى اتفاق نهائي.", "للتوصل") == []
    # «تطلع على» reads or learns of (اطلع على); looking forward takes «إلى/لـ» (checkset: Asharq Al-Awsat)
    assert family_of("الولايات المتحدة كانت تسمع كل شيء وتقرأ كل شيء، وتطلع على هذه المناقشات", "وتطلع") == []
    assert family_of("وقال إن الصين تتطلع إلى مواصلة التعاون مع قيرغيزستان", "تتطلع") == ["look_forward"]
    assert family_of("وقال إننا نتطلع لأن تكون الزيارة ناجحة", "نتطلع") == ["look_forward"]


def test_in_the_hope_of_is_no_hope_cue() -> None:
    # dev2 (Al Riyadh): «على امل انجاز …» is the noun (spelt as «آمل», I hope); «عن أمله» is a party's hope
    assert family_of("وستخصص الاشهر المقبلة لهذه المهمة على امل انجاز العمل التقني", "امل") == []
    assert family_of("وعبر كيري عن أمله في استكمال مناقشات سابقة بينه وبين لافروف بشأن سورية.", "أمله") == ["hope"]


def test_agreeing_is_reciprocal_and_signing_is_not() -> None:
    # «اتفق مع Y»: Y agrees too (guideline: «اتفقنا» said by one side → both parties); «وقع مع Y»: Y is the
    # counterpart (dev rules)
    reciprocal = {f.id for f in FAMILIES if f.reciprocal}
    assert reciprocal == {"agree", "concur", "reach"}


def test_a_position_declared_to_continue_is_a_future_cue() -> None:
    # dev2 (Sky News Arabia) and the checkset (Sky News Arabia): «سيبقى/ستبقى» with a party is a pledge that a
    # policy continues (guideline: «ستظل سياستنا …» → pledge); the copula «سيكون» stays out
    assert ("pledge", "سيبقي", "positive", None) in cues("وكررت أن الاتحاد الأوروبي سيبقى مؤيدا لمواصلة التنفيذ")
    assert ("pledge", "ستبقي", "positive", None) in cues("إن تركيا ستبقى في شمال العراق لحين القضاء على الجماعات")
    assert not [c for c in cues("وقال إن الاجتماع سيكون مهما") if c[1] == "سيكون"]


def test_a_decision_needs_two_parties_whatever_the_verbs_number(nlp):
    # France 24 (ANT corpus): the verb before its dual subject is singular («وقرر الرئيسان»), a decision of
    # both; a single body's decision is unilateral (convention 8): «قررت شركة نستله السويسرية …» (corpus300)
    from tests.rules import records

    lead = "ماكرون وأردوغان يدعوان إلى \"تعميق الشراكة الاقتصادية\" بين فرنسا وتركيا\n"
    rs = records(nlp, "فحسب بيان للرئاسة التركية الخميس، فإن الرئيسين الفرنسي والتركي شددا خلال اتصال هاتفي بينهما على "
                      "\"أهمية تعزيز علاقات بلديهما الاقتصادية والتجارية\".\n"
                      "وقرر الرئيسان خلال الاتصال أيضا أن يجري وزير المال التركي براءة البيرق محادثات "
                      "\"في أسرع وقت\" مع نظيره الفرنسي برونو لومير.\n", lead=lead)  # fmt: skip
    assert [(r["modality"], r["actors"]) for r in rs if r["trigger"] == "وقرر"] == [("agreement", ["France", "Turkey"])]
    rs = records(nlp, "قررت شركة نستله السويسرية للمواد الغذائية وقف حملتها الإعلانية على وسائل الإعلام الرقمية.\n",
                 lead=lead)  # fmt: skip
    assert [r for r in rs if r["trigger"] == "قررت"] == []


def test_an_offer_of_an_act_is_readiness() -> None:
    # dev2 (Sky News Arabia), corpus300 (BBC), checkset (Sky News Arabia): offers to host, mediate, act with
    # another (guideline: offers); not «تعرض للاعتقال» (exposed to), nor the noun «عرضا» (a show)
    assert family_of("مشيرا إلى أن بعض الدول، وبينها النمسا عرضت استضافة قمة تجمعه بترامب", "عرضت") == ["offer"]
    assert family_of("وقال إن المنظمة الدولية عرضت التوسط بين الحكومة السورية والمسؤولين الروس", "عرضت") == ["offer"]
    assert family_of("إن تركيا عرضت على إيران تنفيذ عملية محتملة ضد المسلحين الأكراد", "عرضت") == ["offer"]
    assert family_of("رسالة تقول إنه تعرض للاعتقال مناشدا المساعدة", "تعرض") == []
    assert family_of("فيما سيتابع عرضا على المسرح الروماني القديم", "عرضا") == []


def test_in_the_hope_of_is_the_noun_not_i_hope() -> None:
    # corpus300 (CNN) and the ANT corpus (71 «على أمل»): «على أمل» (in the hope of) normalises like «آمل» (I hope);
    # the family reads «آمل» everywhere else
    lexicon = verb_lexicon()
    assert find_cues(normalize("لكنهم يتعاونون مع CNN على أمل تغيير العالم"), lexicon) == []
    assert [c[0] for c in find_cues(normalize("وقال: آمل أن تكون القمة ناجحة"), lexicon)] == ["hope"]


def test_a_call_verb_in_the_future_is_no_pledge_when_its_family_finds_no_call():
    # fresh SaudiNewsNet sample: FIFA «will ask» Russia's union for details: no act is requested, and asking is
    # no pledge; the same verb with its act stays the family's call (checkset: «ماي ستطلب دعما أوروبيا» too). The
    # cue itself is proposed since «من» may follow the subject («طلبت تركيا من السعودية»): no record is
    # tests/commitments/test_commitments.py::test_a_request_with_its_subject_before_min
    fifa = "وقال الاتحاد الدولي في بيان “سيطلب الفيفا تفاصيل من الاتحاد الروسي حول هذه الواقعة."
    assert [(c[0], c[3]) for c in cues(fifa)] == [("call", "request")]
    assert [c[0] for c in cues("وقالت أنقرة إنها ستطلب من السعودية تفتيش قنصليتها")] == ["call"]


def test_a_past_verb_with_sin_and_an_object_pronoun_is_no_future():
    # fresh ANT sample (France 24): «انتفاضة ساندها حلف شمال الأطلسي» (supported it), not «س» + «أندها»; the
    # first person future stays («سأواجه», «سأشارك»)
    assert cues("ودخلت ليبيا في دوامة العنف والفوضى إثر انتفاضة ساندها حلف شمال الأطلسي في 2011") == []
    assert [c[1] for c in cues("وقال: سأشارك في القمة المقبلة")] == ["ساشارك"]


def test_a_cue_inside_a_place_name_is_a_word_of_the_name():
    # fresh SaudiNewsNet sample (Al Madina): «مسجد سيدي حمزة», the model's place, holds no future verb «سيدي»
    text = "فقد درس القرآن الكريم في مسجد سيدي حمزة بالمسفلة على يدي الشيخ السيد حمود."
    place = MentionRef(text.index("مسجد"), text.index(" حمزة"), "GPE", "gpe:e729d540bcfb")
    assert [c[0] for c in _read_sentence(text, 3, 0, len(text), [], None, verb_lexicon()).cues] == ["pledge"]
    assert _read_sentence(text, 3, 0, len(text), [place], None, verb_lexicon()).cues == []


def test_intend_and_determined_are_intent() -> None:
    # checkset (Sky News Arabia), ANT corpus (France 24, BBC): «ينوي» like «يعتزم»; «مصممة على» like «عازمة»
    assert ("intent", "ينوي", "positive") in found('الرئيس التشيكي "ينوي" نقل سفارة بلاده إلى القدس')
    assert ("intent", "تنوي", "negative") in found("كما أعلنت أستراليا أنها لا تنوي طرد أي من الدبلوماسيين الروس")
    assert ("intent", "مصممه", "positive") in found("مضيفة أن الولايات المتحدة تبقى مصممة على تعزيز علاقتها مع مصر")
    assert all(c[0] != "intent" for c in found("حصلت مصر على قرض من صندوق النقد الدولي"))


def test_consent_to_an_act_is_agreement_but_not_a_bill_a_relative_or_a_domestic_body() -> None:
    # dense samples (Asharq Al-Awsat, Okaz), ANT corpus (BBC, CNN): «وافق» + a party + «على» + an act
    assert ("agreement", "ووافقت", "positive") in found("ووافقت إيران بموجب الاتفاق على كبح طموحاتها النووية")
    assert ("agreement", "وافقت", "positive") in found("وافقت كندا في وقت متأخر من يوم الأحد على توقيع اتفاقية")
    assert ("agreement", "وافقت", "positive") in found("وافقت إيران، بناء على خطة العمل المشتركة، على الحد من مخزونها")
    for other in (
        "الاتفاق الذي وافقت طهران بموجبه على الحد من أنشطتها",  # a relative clause re-mentions the deal
        "وافقت عليه الحكومة بعد نقاش طويل",  # an object pronoun: the thing was named before
        "وافقت الجمعية الوطنية في فرنسا على قانون مثير للجدل",  # a parliament passes a law
        "وكانت الحكومة الأمريكية قد وافقت على استخدام أساليب الاستجواب",  # a government's domestic decision
        "وافق مجلس الوزراء على إعادة العمل بعقوبة الإعدام",
        "ووافقت الجمعية العامة للأمم المتحدة على ترشيح الأمين العام لباشليه",  # an appointment
    ):
        assert all(c[0] != "agreement" for c in found(other)), other


def test_disappointment_is_no_hope() -> None:
    # Al Arabiya (dense sample 4 A): «تشعر بخيبة أمل إزاء قرار ترمب»: «أمل» is the noun of «خيبة أمل», not «أمَلَ»
    sentence = "قال نائب سفير روسيا بالأمم المتحدة بأن بلاده تشعر بخيبة أمل إزاء قرار ترمب"
    assert all(c[0] != "hope" for c in cues(sentence))
    assert [c[0] for c in cues("وأمل البشير في تحقيق الفوائد المشتركة للسد")] == ["hope"]  # Al Arabiya (dense 3 A)


def test_signing_on_a_document_but_not_happening_on_a_place() -> None:
    # Al Arabiya (dense sample 4 A), BBC (ANT corpus): «وقعنا على الإعلان المشترك», «وقعا على مذكرة تفاهم» sign;
    # «العنف الذي وقع على حدود قطاع غزة» happened; a participle «الموقعين على الاتفاق» names past signatories
    assert [c[0] for c in cues("ولكننا بالطبع وقعنا على الإعلان المشترك")] == ["signed"]
    assert [c[0] for c in cues("والبلدان وقعا على مذكرة تفاهم للتعاون")] == ["signed"]
    assert cues("لمناقشة العنف الذي وقع على حدود قطاع غزة") == []
    assert all(c[0] != "signed" for c in cues("دعت الدول الموقعة على الاتفاق النووي إلى الالتزام به"))


def test_a_past_verb_of_form_three_is_no_first_person_future() -> None:
    # corpus300 (BBC): «ساعدت» (helped) is not «س» + «أعدت»; «سأوقع» is a future
    assert [c for c in found('وقال الهلال الأحمر السوري إن "التهدئة ساعدت على إجلاء زوجين"') if c[1] == "ساعدت"] == []
    assert [c[1] for c in found("وقال ترامب: سأوقع أمرا رئاسيا") if c[1] == "ساوقع"] == ["ساوقع"]


def test_funding_counts_only_with_its_amount() -> None:
    # dense2 (Al Arabiya), ANT corpus (France24, BBC): «تدعم/تمنح/خصصت» with an amount of money in their clause;
    # «تدعم» alone is a stance, «تقدم» is also the noun «progress», «قروض ومنح» the plural «grants»
    fund = ("fund", "fund_give", "fund_support")
    assert [c[3] for c in cues("السعودية والإمارات والكويت تدعم الأردن بمليار دولار")] == ["fund_support"]
    assert [c[3] for c in cues("السعودية تمنح 100 مليون دولار لمشاريع إعادة إعمار سوريا")] == ["fund"]
    for sentence in ("وتدعم قطر موقف تركيا في الأزمة",
                     "وسيعني ذلك تقدم فيلم أفينجرز على حرب النجوم الذي حقق 248 مليون دولار",
                     "إن لبنان حصل على قروض ومنح بنحو 11 مليار دولار",
                     "دون أن يقدم دليلا، بوقف التحقيق الذي تكلف 20 مليون دولار"):  # the amount is past a comma
        assert [c for c in cues(sentence) if c[3] in fund] == [], sentence
