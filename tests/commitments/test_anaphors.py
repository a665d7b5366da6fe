"""«المنظمة» after «أوبك»: definite head nouns that refer back to the organisation named last (real sentences)."""

from tasks.commitments.anaphors import org_anaphors
from tasks.commitments.parties import MentionRef
from tasks.entities.kb import load_kb


def ref(text: str, surface: str, type_: str, entity_id: str, nth: int = 0) -> MentionRef:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return MentionRef(start, start + len(surface), type_, entity_id)


def test_the_organisation_is_the_last_one_named_with_that_head():
    # Sky News Arabia (dev2): OPEC is named «أوبك»; its KB name starts with «منظمة»
    text = "وقال مصدران في أوبك إن المنظمة اتفقت على ضرورة أن تزيد وحلفاؤها بقيادة روسيا الإنتاج."
    (a,) = org_anaphors(text, [ref(text, "أوبك", "ORG", "Q7795"), ref(text, "روسيا", "GPE", "Q159")], load_kb())
    assert (text[a.start : a.end], a.type, a.entity_id) == ("المنظمة", "ORG", "Q7795")


def test_no_antecedent_a_media_antecedent_or_a_subject_before_its_object_gives_nothing():
    kb = load_kb()
    assert org_anaphors("وقالت المنظمة إن الوضع خطير.", [], kb) == []
    # a news agency reports, it does not act: «وأوردت الوكالة أن …»
    text = "ونقلت وكالة الأنباء المركزية الكورية الخبر. وأوردت الوكالة أن كيم قال إنه يتعين على البلدين العمل."
    (agency,) = [m for m in kb.entities.values() if m.canonical == "Korean Central News Agency"]
    assert org_anaphors(text, [ref(text, "وكالة الأنباء المركزية الكورية", "ORG", agency.entity_id)], kb) == []
    # France24: «ودعت المنظمة الرياض إلى» — the call's object follows; the rules read the noun subject there
    text = "وقالت منظمة هيومن رايتس ووتش إن الأحكام قاسية. ودعت المنظمة الرياض إلى تحسين نظامها القضائي."
    mentions = [ref(text, "منظمة هيومن رايتس ووتش", "ORG", "org:hrw"), ref(text, "الرياض", "GPE", "Q3692")]
    assert org_anaphors(text, mentions, kb) == []


def test_the_union_is_the_last_union_named():
    # dense sample A (BBC): «الاتحاد» after «الاتحاد الأوروبى» is the EU (ANT corpus: of 421 bare «الاتحاد» after a
    # «الاتحاد …» name, 15 read, all but a customs union and a club the union or federation named before)
    text = ("وقالت منسقة السياسة الخارجية فى الاتحاد الأوروبى، فيديريكا موغيريني، أن الاتحاد سينشئ كيانا قانونيا "
            "بهدف مواصلة التجارة مع طهران.")
    (a,) = org_anaphors(text, [ref(text, "الاتحاد الأوروبى", "ORG", "Q458"), ref(text, "طهران", "GPE", "Q3616")],
                        load_kb())  # fmt: skip
    assert (text[a.start : a.end], a.entity_id) == ("الاتحاد", "Q458")


def test_the_company_refers_back_to_the_company_named_last():
    # BBC (corpus300): «وقالت الشركة إنها ستختار …» in a story on «شركة "تينسينت"»; CNN (dense sample 3 A): a company
    # the text introduces with «شركة» though the KB does not know it
    kb = load_kb()
    text = "تختبر شركة \"تينسينت\" الصينية خاصية جديدة. وقالت الشركة إنها ستختار مجموعة من اللاعبين."
    (a,) = org_anaphors(text, [ref(text, "تينسينت", "ORG", "Q860580")], kb)
    assert (text[a.start : a.end], a.entity_id) == ("الشركة", "Q860580")
    text = "وتسعى شركة \" BRS Ventures\" إلى تكرار هذا النجاح. وتتطلع الشركة أيضاً نحو الهند."
    (a,) = org_anaphors(text, [ref(text, "BRS Ventures", "ORG", "org:brs")], kb)
    assert (text[a.start : a.end], a.entity_id) == ("الشركة", "org:brs")


def test_the_association_is_the_last_association_named():
    # dense5 (Asharq Al-Awsat) and dense3: «الرابطة» after ASEAN, whose KB names start with «رابطة»
    text = ("أيدت دول جنوب شرقي آسيا دعوة أميركية لوقف بناء الجزر. ولكن أعرب وزير الخارجية الماليزي حنيفة أمان أن "
            "رابطة آسيان اتفقت على الحوار، وأن الرابطة اتفقت على تعزيز ممارسة ضبط النفس.")
    (a,) = org_anaphors(text, [ref(text, "رابطة آسيان", "ORG", "Q7768")], load_kb())
    assert (text[a.start : a.end], a.entity_id) == ("الرابطة", "Q7768")
