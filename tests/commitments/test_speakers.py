"""Speakers and counterparts of commitment records on real sentences (Xinhua samples, France24, Al Arabiya),
each strategy of tasks.commitments.speakers with a positive and a negative case.

Stanza's answers are frozen in tests/fixtures/nlp/commitments.test_speakers.json (tests/conftest.py): a new
or changed text needs `python -m tests.freeze_nlp`."""

from tests.rules import only, records


def _speaker_step(r):
    return next(step for step in r["rule"].split("|") if step.startswith("speaker:"))


def test_counterpart_behind_a_side_word(nlp):
    (r,) = records(nlp, "وقال لي إن الجانب الصيني على استعداد لتعميق الثقة السياسية المتبادلة مع الجانب "
                        "القيرغيزي.\n")  # fmt: skip
    assert r["actors"] == ["China"] and r["counterparts"] == ["Kyrgyzstan"]
    assert "counterpart:headed" in r["rule"]


def test_joint_statement_has_no_speaker(nlp):
    rs = records(nlp, 'وأكد رجب طيب أردوغان وفلاديمير بوتين وحسن روحاني "عزمهم على التعاون المكثف في سوريا".\n',
                 lead="قمة ثلاثية في أنقرة\n")  # fmt: skip
    assert rs and all(r["speaker"] is None for r in rs)
    assert all(_speaker_step(r) == "speaker:joint" for r in rs)


def test_the_caller_speaks(nlp):
    (r,) = records(nlp, "كما دعا لي الجانبين إلى الحفاظ على استقرار سلاسل الصناعة والإمداد.\n",
                   lead="رئيس مجلس الدولة الصيني لي تشيانغ يزور قيرغيزستان\n")  # fmt: skip
    assert r["modality"] == "call" and r["speaker"] == "Li Qiang"
    assert _speaker_step(r) == "speaker:cue_subject"


def test_the_pledger_of_a_past_perfect_speaks(nlp):
    # France 24, BBC (dense sample A, random sample): «وكان X قد وعد/تعهد»: the particle «قد» stands between the
    # person and the speech act
    r = only(records(nlp, "وكان رئيس الوزراء البريطاني المحافظ ديفيد كاميرون قد وعد باجراء استفتاء حول عضوية "
                          "بريطانيا في الاتحاد الاوروبي قبل نهاية 2017.\n",
                     lead="بريطانيا والاتحاد الأوروبي\n"), "وعد")  # fmt: skip
    assert r["actors"] == ["United Kingdom"] and r["speaker"] == "David Cameron"
    assert _speaker_step(r) == "speaker:cue_subject"


def test_reporting_goes_on_after_waadafa_but_not_after_a_bare_wa(nlp):
    rs = records(nlp, "وقال وزير الخارجية الصيني تشين قانغ إن الصين ستدعم بقوة قيرغيزستان.\n"
                      "وأضاف أن الصين مستعدة للتعاون مع قيرغيزستان.\n"
                      "وستعمل الصين مع قيرغيزستان وطاجيكستان في إنشاء مراكز ثقافية.\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["ستدعم"]["speaker"] == "Qin Gang"
    assert by_trigger["مستعدة"]["speaker"] == "Qin Gang"
    assert _speaker_step(by_trigger["مستعدة"]) == "speaker:carried"
    assert by_trigger["ستعمل"]["speaker"] is None


def test_a_new_subject_after_the_reporting_verb_is_not_carried_to(nlp):
    rs = records(nlp, "وقال وزير الخارجية الصيني تشين قانغ إن الصين ستدعم بقوة قيرغيزستان.\n"
                      "وأكدت الوكالة في تقريرها أن قيرغيزستان مستعدة للتعاون مع الصين.\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["مستعدة"]["speaker"] is None


def test_short_name_after_a_reporting_verb(nlp):
    rs = records(nlp, "أجرى عضو مجلس الدولة وزير الخارجية الصيني وانغ يي اليوم محادثة هاتفية مع نظيره القيرغيزي "
                      "رسلان كازاكباييف.\n"
                      "ونوه وانغ أيضا إلى أن الصين من جانبها ستدعم بقوة قيرغيزستان في مكافحتها مرض "
                      "فيروس كورونا.\n")  # fmt: skip
    r = only(rs, "ستدعم")
    assert r["speaker"] == "Wang Yi"


def test_the_nearest_reporting_verb_gives_the_speaker(nlp):
    rs = records(nlp, 'وقبل القمة، قلل الجانبان من قيمة الحدث، إذ قال ترمب، لشبكة (سي.بي.إس)، إنه سيدخل القمة '
                      '"بتوقعات منخفضة"، بينما قال مستشار ترمب للأمن القومي، جون بولتون، لشبكة (إيه.بي.سي)، إن '
                      'الولايات المتحدة لا تتطلع لتحقيق "إنجازات".\n', lead="قمة ترمب وبوتين في هلسنكي\n")  # fmt: skip
    (r,) = [r for r in rs if "تتطلع" in r["trigger"]]
    assert r["speaker"] == "John Bolton"
    assert _speaker_step(r) == "speaker:nearest"


def test_a_group_after_a_counterpart_preposition_is_its_members(nlp):
    rs = records(nlp, "وقال وزير الخارجية الصيني تشين قانغ إن الصين ستعمل أيضا على تعزيز الاتصال والتعاون مع دول "
                      "آسيا الوسطى في إطار الأمم المتحدة.\n",
                 lead="الصين ودول آسيا الوسطى: قازاقستان وقيرغيزستان وطاجيكستان وتركمانستان وأوزبكستان\n")  # fmt: skip
    r = only(rs, "ستعمل")
    assert r["actors"] == ["China"]
    assert r["counterparts"] == ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
    assert "counterpart:group" in r["rule"]


def test_a_title_named_with_a_person_stands_for_him_and_the_reported_clause_names_no_speaker(nlp):
    # dev2 (Al Arabiya): «أكد الرئيس الأميركي …، شاكرا ماي» is Trump speaking (the article named him «الرئيس
    # الأميركي #دونالد_ترمب»), and «وذكر أن اجتماعه مع ماي …» goes on with him: May is spoken of
    rs = records(nlp, "أعلن الرئيس الأميركي #دونالد_ترمب أنه اتفق مع رئيسة وزراء بريطانيا #تيريزا_ماي، الجمعة، "
                      "على أن إيران يجب أن لا تمتلك أسلحة نووية.\nوفي كلمته، أكد الرئيس الأميركي على العلاقات "
                      "الخاصة بين بريطانيا وأميركا، شاكرا ماي على مساهمتها في النفقات الدفاعية لحلف شمال الأطلسي "
                      "(ناتو).\nوذكر أن اجتماعه مع ماي تناول وقف انتشار السلاح النووي، وأنهما اتفقا على أن إيران "
                      "يجب أن لا تحصل أبدا على السلاح النووي.\n",
                 lead="ترمب: اتفقت مع ماي على حظر نووي إيران\n")  # fmt: skip
    (agreed,) = [r for r in rs if r["trigger"] == "اتفقا"]
    assert agreed["speaker"] == "Donald Trump" and agreed["actors"] == ["United Kingdom", "United States"]


def test_a_quoting_headline_has_the_speaker_of_the_articles_report_and_a_plain_one_none(nlp):
    # dev2 (Sky News Arabia): «إيران تؤكد: لن نتفاوض …» is Zarif's, who says it in the body; dev (CNN): «الصين
    # تعتزم تقديم قروض …» quotes nobody
    rs = records(nlp, "قال وزير الخارجية الإيراني محمد جواد ظريف، الخميس، إن إيران لن تعيد التفاوض على الاتفاق "
                      "النووي، معتبرا أن طهران تقف ثابتة في وجه \"البلطجة الأميركية\".\n",
                 lead="إيران تؤكد: لن نتفاوض على \"الاتفاق النووي\" مجددا\n")  # fmt: skip
    (head,) = [r for r in rs if r["trigger"] == "لن نتفاوض"]
    assert head["speaker"] == "Mohammad Javad Zarif" and "speaker:body_report" in head["rule"]
    rs = records(nlp, "أعلن الرئيس الصيني شي جينبينغ الثلاثاء أن بلاده ستقدم قروضا للتنمية الاقتصادية بقيمة 20 "
                      "مليار دولار إلى دول عربية، وذلك في إطار مساعي بلاده لتعزيز تأثيرها في الشرق الأوسط "
                      "وإفريقيا.\n",
                 lead="الصين تعتزم تقديم قروض بـ20 مليار دولار لدعم التنمية الاقتصادية في دول عربية\n")  # fmt: skip
    assert [r["speaker"] for r in rs if r["trigger"] == "تعتزم"] == [None]


def test_an_unnamed_source_speaks_for_nobody_and_ends_the_last_speakers_turn(nlp):
    # checkset (Sky News Arabia) and corpus300 (France24): «وقال دبلوماسيون إن …», «وقال مسؤول …»: no speaker,
    # and the minister quoted before is not carried on
    body = ("وقال الرئيس الإيراني حسن روحاني إن إيران ستواصل التعاون مع العراق.\n"
            "وقال دبلوماسيون إن طهران ستعزز التعاون مع بغداد.\n")  # fmt: skip
    rs = records(nlp, body, lead="إيران والعراق\n")
    assert [(r["trigger"], r["actors"], r["speaker"]) for r in rs] == [
        ("ستواصل", ["Iran"], "Hassan Rouhani"), ("ستعزز", ["Iran"], None),
    ]  # fmt: skip


def test_a_present_tense_reporting_verb_with_a_new_subject_is_not_carried_to(nlp):
    # France24 (Human Rights Watch report): the activist is no person the recognizer reads, so the Algerian
    # activist's «نريد» is nobody's commitment, not the king's speaker's before him
    rs = records(nlp, "وقال العاهل الأردني الملك عبد الله الثاني إن الأردن سيواصل دعم اللاجئين.\n"
                      "ويقول زهير، الناشط المثلي من الجزائر، في تقرير نشرته رايتس ووتش على موقعها الإلكتروني "
                      "\"لا نريد أن نبقى أسيري صورة الضحية بعد الآن.\n")  # fmt: skip
    assert [r["trigger"] for r in rs] == ["سيواصل"]


def test_a_present_tense_reporting_verb_alone_carries_the_speaker(nlp):
    rs = records(nlp, "وقال وزير الخارجية الصيني تشين قانغ إن الصين ستدعم بقوة قيرغيزستان.\n"
                      "ويضيف: \"سنعمل مع قيرغيزستان على تعزيز التعاون في مجال الطاقة\".\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["سنعمل"]["speaker"] == "Qin Gang" and by_trigger["سنعمل"]["actors"] == ["China"]


def test_new_subject_words():
    from tasks.commitments.speakers import new_subject
    from tasks.text.normalize import normalize

    assert new_subject(normalize("زهير،")) and new_subject(normalize("نتنياهو"))
    words = ("إن", "أنه", "قائلا", "لوكالة", "بالقول", "أيضا", ":", "\"سنعمل", "مسؤول", "الرئيس", "وزير", "أمام", "عقب")
    for word in words:
        assert not new_subject(normalize(word)), word


def test_an_opening_call_or_hope_with_its_own_subject_is_not_the_last_speakers(nlp):
    # BBC (Argentina and the IMF): the government hopes, the Fund asks; the minister quoted before says neither
    rs = records(nlp, "وقال وزير الخزانة الأرجنتيني نيكولاس دوجوفني إن الحكومة ستعمل على خفض الإنفاق.\n"
                      "وتأمل الحكومة الأرجنتينية في الوصول بعجز الموازنة العامة إلى صفر في عام 2019.\n"
                      "ودعا الجانبين إلى الحوار.\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["تأمل"]["speaker"] is None and by_trigger["تأمل"]["actors"] == ["Argentina"]


def test_an_opening_call_by_a_title_is_the_titled_persons(nlp):
    # BBC: «وطالب الرئيس الأمريكي» after «الرئيس الأمريكي دونالد ترامب»; «وتأمل المستشارة الألمانية في إقناع
    # ترامب»: her own act (a verbal noun behind «في»), so Germany hopes, not the United States
    rs = records(nlp, "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق مع إيران سيئ.\n"
                      "وطالب الرئيس الأمريكي بإدخال تعديل على الاتفاق للحد من برنامج إيران الصاروخي.\n"
                      "وقالت المستشارة الألمانية أنغيلا ميركل إن الاتفاق يجب أن يبقى.\n"
                      "وتأمل المستشارة الألمانية في إقناع ترامب بعدم نسف الاتفاق.\n")  # fmt: skip
    by_trigger = {r["trigger"]: r for r in rs}
    assert by_trigger["وطالب"]["speaker"] == "Donald Trump" and "speaker:title" in by_trigger["وطالب"]["rule"]
    assert by_trigger["تأمل"]["actors"] == ["Germany"] and by_trigger["تأمل"]["speaker"] == "Angela Merkel"


def test_a_person_spoken_to_is_not_the_speaker(nlp):
    # France24 (corpus300): «والملك سلمان قال لأبومازن: … سندعمه» — Abu Mazen is spoken to
    (r,) = records(nlp, "والملك سلمان قال لمحمود عباس: كل ما تراه مناسبا لك سندعمه.\n",
                   lead="السعودية وفلسطين\n")  # fmt: skip
    assert r["speaker"] == "Salman of Saudi Arabia" and r["actors"] == ["Saudi Arabia"]


def test_repeating_and_going_on_carry_the_speaker():
    # dev2 (Sky News Arabia: «وكررت أن "الاتحاد الأوروبي سيبقى …"» is Mogherini's) and the ANT corpus (468
    # sentences open with these verbs, 119 with a cue, 12 read: each goes on with the speaker before or named)
    from tasks.commitments.cues import find_cues
    from tasks.commitments.speakers import carries
    from tasks.text.clitics import load_lexicon
    from tasks.text.normalize import normalize

    lexicon = load_lexicon()
    for sentence in ("وكررت أن \"الاتحاد الأوروبي سيبقى مؤيدا لمواصلة التنفيذ الكامل والفعلي للاتفاق النووي",
                     "وتابعت \"سنواصل التزامنا بذلك طالما نفذت إيران واجباتها\".",
                     "وأردف قائلا إن بلاده ستواصل العمل مع شركائها"):  # fmt: skip
        norm = normalize(sentence)
        assert carries(norm, find_cues(norm, lexicon)), sentence


def test_a_headline_that_opens_with_a_person_and_a_colon_quotes_him():
    # dev2 (Al Arabiya: «ترمب: اتفقت مع ماي …» is Trump's) and the check sets' headlines (27 such sentences on
    # 600 articles, 24 quotes of the person named; the others profiles with no cue)
    from tasks.commitments.parties import MentionRef, States
    from tasks.commitments.speakers import _colon_speaker
    from tasks.entities.kb import load_kb
    from tasks.text.normalize import normalize_with_map

    states = States(load_kb(), {"Q22686": "Donald Trump", "Q39259": "Recep Tayyip Erdoğan", "Q567": "Angela Merkel"})

    def speaker(sentence, *names):
        spans = [(sentence.index(n), sentence.index(n) + len(n), qid) for n, qid in names]
        norm, index = normalize_with_map(sentence)
        p = _colon_speaker(norm, index, 0, [MentionRef(a, b, "PER", q) for a, b, q in spans], states)
        return p.canonical if p else None

    assert speaker("ترمب: اتفقت مع ماي على حظر نووي إيران", ("ترمب", "Q22686")) == "Donald Trump"
    assert speaker('أردوغان لـCNN: قرار نقل السفارة الأمريكية للقدس خطأ فادح',
                   ("أردوغان", "Q39259")) == "Recep Tayyip Erdoğan"  # fmt: skip
    # the person spoken to, behind «لـ», is not the speaker
    assert speaker('أردوغان لميركل: "أنت تدعمين الإرهابيين"', ("أردوغان", "Q39259"),
                   ("ميركل", "Q567")) == "Recep Tayyip Erdoğan"  # fmt: skip
    # the person is an object, or the colon comes after a reporting verb (the ``sentence`` strategy's)
    assert speaker("زعيم المعارضة يتحدى أردوغان: نحضر للثورة التركية الرابعة", ("أردوغان", "Q39259")) is None
    assert speaker('وقال ترامب: "سنفرض رسوما"', ("ترامب", "Q22686")) is None


def test_an_answer_is_speech(nlp):
    # France 24 (corpus300): «أجاب بومبيو» reports Pompeo's words (ANT corpus: 114 «أجاب/أجابت», 20 read, each
    # before what the person said)
    (r,) = records(nlp, "وعندما سئل بومبيو في طريق عودته من سنغافورة إلى واشنطن عما إذا كان بإمكان طهران الالتفاف "
                        "على الإجراءات، أجاب بومبيو الصحافيين المرافقين له \"الولايات المتحدة سوف تطبق العقوبات\".\n",
                   lead="وزير الخارجية الأمريكي يعلن بدء تطبيق العقوبات الاقتصادية على إيران\n")  # fmt: skip
    assert (r["trigger"], r["speaker"]) == ("سوف تطبق", "Mike Pompeo")


def test_the_person_whose_announcement_holds_the_cue_speaks(nlp):
    # Al Arabiya (dev2): «إعلان الرئيس ترمب أن …» is Trump's, not Rubio's whom a later verb quotes; an
    # announcement recalled as the time of another event («بعد إعلان …») gives no speaker
    rs = records(nlp, "إعلان الرئيس ترمب أن الولايات المتحدة ستعلق التدريبات العسكرية المشتركة مع كوريا الجنوبية، "
                      "كان بمثابة تنازل انتقد من جمهوريين في مجلس الشيوخ مثل ماركو روبيو، الذي قال في تغريدة إنه "
                      "\"غير مرتاح بتعليق التدريبات العسكرية مع كوريا الجنوبية\".\n",
                 lead="ما الذي أنجزته قمة ترمب - كيم؟ ومن الفائز بالجولة؟\n")  # fmt: skip
    r = only(rs, "ستعلق")
    assert (r["speaker"], "speaker:announcement" in r["rule"]) == ("Donald Trump", True)


def test_the_rest_of_a_quote_goes_on_with_its_speaker(nlp):
    # Sky News Arabia (dev2): the quote goes on past «...»; its first person is Zarif's, Iran's
    rs = records(nlp, "قال وزير الخارجية الإيراني محمد جواد ظريف، الخميس، إن إيران لن تعيد التفاوض على الاتفاق النووي، "
                      "معتبرا أن طهران تقف ثابتة في وجه \"البلطجة الأميركية\".\n"
                      "وأضاف ظريف، في رسالة على يوتيوب \"إيران لن تعيد التفاوض على ما تم الاتفاق عليه قبل سنوات وجرى "
                      "تنفيذه...سنرفض أيضا أي تصديق عليه\".\n",
                 lead="إيران تؤكد: لن نتفاوض على \"الاتفاق النووي\" مجددا\n")  # fmt: skip
    r = only(rs, "سنرفض")
    assert (r["actors"], r["speaker"]) == (["Iran"], "Mohammad Javad Zarif")


def test_we_then_they_are_not_one_subject(nlp):
    # BBC (corpus300): «سنتعرف على المتورطين، وسيتحملون تبعات أفعالهم»: «they» are the culprits
    rs = records(nlp, "وعند نشر الصور من سجن أبو غريب، قال الرئيس الأمريكي آنذاك، جورج بوش الابن: \"سنجمع كل الحقائق، "
                      "ونحدد المدى الكامل لهذه الانتهاكات. سنتعرف على المتورطين، وسيتحملون تبعات أفعالهم.\"\n",
                 lead="مرشحة ترامب لرئاسة المخابرات المركزية الأمريكية\n")  # fmt: skip
    assert [r for r in rs if r["trigger"] == "وسيتحملون" or r["trigger"] == "سيتحملون"] == []


def test_touching_on_a_topic_goes_on_with_the_speaker(nlp):
    # CNN (dev): «وتطرق خلال كلمته إلى …، داعيا إلى …» is the Chinese president's call, China's act
    rs = records(nlp, "وشدد الرئيس الصيني شي جين بينغ، على ان بلاده ستحمي بحزم الاقتصاد العالمي المفتوح، ونظام التجارة "
                      "متعدد الأطراف، بينما ترفض الحمائية التجارية والأحادية.\n"
                      "وتطرق خلال كلمته إلى مفهوم بناء مجتمع صيني أفريقي أقوى، داعيا إلى بناء مجتمع صيني أفريقي ذي "
                      "مستقبل مشترك يتحمل المسؤولية ويسعى للتعاون المربح للجميع.\n",
                 lead="الصين تعزز نفوذها في أفريقيا بـ60 مليار دولار\n")  # fmt: skip
    r = only(rs, "داعيا")
    assert (r["modality"], r["actors"], r["speaker"]) == ("call", ["China"], "Xi Jinping")
    # the community «يسعى»: the call's addressees are no subject of the verbs after it
    assert [r for r in rs if r["trigger"] in ("يسعى", "ويسعى")] == []


def test_an_unnamed_office_speaks_for_its_state_but_is_no_speaker(nlp):
    # dense2 (Al Arabiya): «الوزير الأمريكي» with no name; the persons after «مع» are the ones he met
    rs = records(nlp, 'وقال الوزير الأمريكي خلال مؤتمر صحافي مشترك مع نظيريه الياباني تارو كونو والكورية '
                        'الجنوبية كانغ كيونغ-وا "نعتقد أن كيم جونغ-أون فهم الطابع الملح" لعملية نزع السلاح النووي '
                        'لكوريا الشمالية وبأنه "يتعيّن علينا إتمامها سريعا".\n',
                 lead="نزع السلاح النووي لكوريا الشمالية\n")  # fmt: skip
    r = only(rs, "علينا")
    assert r["modality"] == "obligation" and r["actors"] == ["United States"] and r["speaker"] is None
    assert _speaker_step(r) == "speaker:official"
    # checkset (Sky News Arabia): «المسؤول الأميركي» … «سنلاحق»
    rs = records(nlp, 'ونوه المسؤول الأميركي بأن العقوبات ستدخل التنفيذ خلال 180 يوما، قائلا "سنلاحق كل من لديه '
                      'حساب بالريال الإيراني خارج إيران".\n', lead="واشنطن تعيد العقوبات على إيران\n")  # fmt: skip
    assert [(r["trigger"], r["actors"], r["speaker"]) for r in rs] == [("سنلاحق", ["United States"], None)]


def test_a_name_after_the_office_is_its_holder(nlp):
    # freshA (Sky News Arabia): the deputy ambassador is named after his office and speaks in the next sentence
    rs = records(nlp, "وقال نائب سفير روسيا لدى الأمم المتحدة ديمتري بوليانسكي لرويترز، إنه ليس هناك سبب يبرر "
                      'انتقاد هيلي لروسيا.\nوقال "نلتزم بكل القرارات.\n',
                 lead="مجلس الأمن يبحث العقوبات على كوريا الشمالية\n")  # fmt: skip
    r = only(rs, "نلتزم")
    assert r["actors"] == ["Russia"] and r["speaker"] is not None
    # a former holder speaks for no state: «السابق» after the office
    rs = records(nlp, 'وقال وزير الخارجية البريطاني السابق في مقابلة "سنواصل العمل مع روسيا".\n',
                 lead="لندن وموسكو\n")  # fmt: skip
    assert rs == []


def test_a_first_person_verb_takes_no_subject_after_it(nlp):
    # without a speaker, «سنواصل العمل مع روسيا» is nobody's: Russia is the partner, not the subject
    assert records(nlp, 'وكتب في صحيفة محلية "سنواصل العمل مع روسيا في سوريا".\n', lead="سوريا\n") == []


def test_a_body_after_the_reporting_verb_speaks_for_itself(nlp):
    # dense (Al Riyadh): «وقالت "روساتوم" في بيان …», then its «سنواصل» is Rosatom's; no person speaks
    rs = records(nlp, 'وقالت "روساتوم" في بيان أن "المسؤولين في المجال النووي الروسي والصينيين وقعوا أكبر مجموعة عقود '
                      'في تاريخ الشراكة النووية بين البلدين".\nوأضافت: "سنواصل معا بناء وحدات من الجيل الثالث، هي '
                      'الأحدث في الصين".\n', lead="روسيا تبني أربعة مفاعلات نووية في الصين\n")  # fmt: skip
    r = only(rs, "سنواصل")
    assert r["actors"] == ["Rosatom"] and r["speaker"] is None
    # corpus300 (CNN): the court speaks, its «إنها ستواصل» is its own
    rs = records(nlp, 'قالت المحكمة الجنائية الدولية، الثلاثاء، إنها "ستواصل القيام بعملها دون أن يردعها أحد".\n',
                 lead="المحكمة الجنائية الدولية ترد على بولتون\n")  # fmt: skip
    assert [(r["trigger"], r["actors"], r["speaker"]) for r in rs] == [
        ("ستواصل", ["International Criminal Court"], None)]
    assert _speaker_step(rs[0]) == "speaker:institution"


def test_a_body_that_opens_the_sentence_before_the_reporting_verb_speaks(nlp):
    # dense sample (Al-Eqtisadiah, 2015): subject first, «نيجيريا أشارت إلى أنها ستقدم»: Nigeria's own pledge
    rs = records(nlp, "نيجيريا أشارت إلى أنها ستقدم ردها في الوقت المناسب.\n",
                 lead="الهند ترفع الرسوم على واردات الصلب\n")  # fmt: skip
    assert [(r["trigger"], r["actors"], r["speaker"]) for r in rs] == [("ستقدم", ["Nigeria"], None)]
    assert _speaker_step(rs[0]) == "speaker:institution"
    # count1207 (Sky News Arabia): «وكانت واشنطن أعلنت، الأربعاء، أنها ستفرض …»
    rs = records(nlp, "وكانت واشنطن أعلنت، الأربعاء، أنها ستفرض حزمة جديدة من العقوبات ضد روسيا بدءا من الـ 22 من "
                      "أغسطس الجاري.\n", lead="عقوبات أمريكية جديدة على روسيا\n")  # fmt: skip
    r = only(rs, "ستفرض")
    assert r["actors"] == ["United States"] and r["speaker"] is None
    # a body further in is another phrase's, not the verb's subject: nobody speaks, no record
    assert records(nlp, "وفي لاغوس، نيجيريا أشارت إلى أنها ستقدم ردها في الوقت المناسب.\n",
                   lead="الهند ترفع الرسوم على واردات الصلب\n") == []  # fmt: skip


def test_a_date_between_the_reporting_verb_and_the_body(nlp):
    # corpus300 (France 24): «قالت الثلاثاء دولة الكويت … إنها ستسعى»: the date does not hide the subject
    rs = records(nlp, "قالت الثلاثاء دولة الكويت العضو غير الدائم في مجلس الأمن الدولي على لسان منصور العتيبي سفيرها "
                      "في الأمم المتحدة إنها ستسعى لتعميم قرار في مجلس الأمن.\n",
                 lead="الكويت تسعى لحماية دولية للفلسطينيين\n")  # fmt: skip
    r = only(rs, "ستسعى")
    assert r["actors"] == ["Kuwait"] and r["speaker"] is None
    assert _speaker_step(r) == "speaker:institution"


def test_a_short_name_before_the_reporting_verb_speaks(nlp):
    # checkset (Al Yaum): «لكن بكر قال:» is the official named before, not the state that spoke in between
    rs = records(nlp, "وقال مسؤول دائرة العلاقات الخارجية في حكومة إقليم كردستان العراق فلاح مصطفى بكر: إن الإقليم "
                      "يعاني تداعيات الغارات.\nوقالت الولايات المتحدة إنها تدعم الغارات ضد حزب العمال الكردستاني.\n"
                      "لكن بكر قال: «أثر هذا علينا سلبا... لذا نأمل أن يعود الجانبان إلى وقف إطلاق النار».\n",
                 lead="كردستان العراق وتركيا\n")  # fmt: skip
    r = only(rs, "نأمل")
    assert r["speaker"] == "Mustafa Bakar"  # the name as the recognizer cut it

