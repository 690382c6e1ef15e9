"""Language `null` where langdetect cannot tell: languages it has no profile of (it would answer
with a neighbour at probability 1.0) and scripts none of its languages is written in."""
from __future__ import annotations

import pytest

from ingest import DEFAULT, Embed
from ingest.core.language import detect_language, detect_languages, post_language

# News paragraphs written for these tests.
UNKNOWN = {
    "Icelandic": "Ríkisstjórnin kynnti í gær nýja áætlun um uppbyggingu húsnæðis á höfuðborgarsvæðinu. Samkvæmt "
                 "henni verða byggðar um fjögur þúsund íbúðir á næstu þremur árum, og er gert ráð fyrir að "
                 "sveitarfélögin leggi til lóðir. Forsætisráðherra sagði á blaðamannafundi að þetta væri stærsta "
                 "átak í húsnæðismálum í áratugi og að markmiðið væri að lækka leiguverð.",
    "Zulu": "Uhulumeni wesifundazwe sakwaZulu-Natali uthe uzoqhubeka nokusiza imindeni ethintekile ngezikhukhula "
            "ezadala umonakalo omkhulu ezindaweni eziningi ngesonto eledlule. UNdunankulu wesifundazwe uthe "
            "abantu abangaphezu kwenkulungwane balahlekelwe yimizi yabo futhi kudingeka usizo olusheshayo.",
    "Faroese": "Landsstýrið kunngjørdi í gjár eina nýggja ætlan um at byggja fleiri bústaðir í Havn. Sambært "
               "ætlanini verða umleið túsund íbúðir bygdar komandi trý árini, og kommunan skal útvega grundir.",
    "Armenian": "Հայաստանի կառավարությունը երեկ հայտարարեց նոր ծրագրի մասին, որը նպատակ ունի բարելավել "
                "գյուղական համայնքների ճանապարհները։ Ծրագիրը կիրականացվի հաջորդ երեք տարիների ընթացքում։",
    "Georgian": "საქართველოს მთავრობამ გუშინ გამოაცხადა ახალი პროგრამა, რომლის მიზანია სოფლის გზების "
                "გაუმჯობესება. პროგრამა განხორციელდება მომდევნო სამი წლის განმავლობაში.",
    "Amharic": "የኢትዮጵያ መንግሥት ትናንት አዲስ የመንገድ ግንባታ ፕሮግራም ይፋ አደረገ። ፕሮግራሙ በሚቀጥሉት ሦስት ዓመታት ውስጥ ይከናወናል።",
}
KNOWN = {
    "sw": "Serikali ya Kenya imetangaza mpango mpya wa kujenga barabara katika maeneo ya vijijini. Mpango huo "
          "utatekelezwa katika kipindi cha miaka mitatu ijayo, na unatarajiwa kuwasaidia wakulima kufikisha mazao yao sokoni.",
    "hu": "A kormány tegnap új programot jelentett be a vidéki utak felújítására. A program a következő három "
          "évben valósul meg, és várhatóan segíti a gazdákat abban, hogy termékeiket piacra juttassák.",
    "no": "Regjeringen la i går fram en ny plan for bygging av boliger i hovedstadsområdet. Ifølge planen skal "
          "det bygges rundt fire tusen leiligheter de neste tre årene, og kommunene skal stille tomter til rådighet.",
    "zh": "政府昨天宣布了一项新的农村道路建设计划。该计划将在未来三年内实施，预计将帮助农民把农产品运往市场。",
    "ja": "政府は昨日、農村部の道路を整備する新たな計画を発表した。計画は今後三年間で実施され、農家が農産物を市場に運びやすくなると期待されている。",
    "ko": "정부는 어제 농촌 지역의 도로를 개선하기 위한 새로운 계획을 발표했다. 이 계획은 앞으로 3년 동안 시행되며 농민들이 농산물을 시장에 운반하는 데 도움이 될 것으로 기대된다.",
    "hi": "सरकार ने कल ग्रामीण क्षेत्रों में सड़कों के निर्माण के लिए एक नई योजना की घोषणा की। यह योजना अगले तीन वर्षों में लागू की जाएगी।",
    "th": "รัฐบาลประกาศโครงการใหม่เมื่อวานนี้เพื่อปรับปรุงถนนในพื้นที่ชนบท โครงการนี้จะดำเนินการในอีกสามปีข้างหน้า",
    "ru": "Правительство объявило вчера о новой программе строительства дорог в сельских районах. Программа "
          "будет реализована в течение следующих трёх лет.",
    "vi": "Chính phủ hôm qua đã công bố một chương trình mới nhằm nâng cấp đường giao thông nông thôn. Chương "
          "trình sẽ được thực hiện trong ba năm tới.",
}


@pytest.mark.parametrize("name", UNKNOWN)
def test_a_body_in_a_language_the_detector_lacks_has_no_language(name):
    assert detect_language(UNKNOWN[name]) is None


@pytest.mark.parametrize("code", KNOWN)
def test_a_body_in_a_language_it_knows_keeps_its_code(code):
    assert detect_language(KNOWN[code]) == code


def test_a_post_in_an_unknown_language_falls_back_to_its_declared_hint():
    assert post_language(UNKNOWN["Icelandic"], "is") == "is"
    assert post_language(UNKNOWN["Zulu"], None) is None


ENGLISH = [
    "The government presented a new plan on Tuesday to build about four thousand homes in the capital region "
    "over the next three years, with the municipalities providing the land for them.",
    "The prime minister told reporters that it was the largest housing effort in decades and that the aim was "
    "to bring rents down, while the opposition said the plan came far too late for young families.",
]


def test_no_passage_is_labelled_with_a_language_the_detector_lacks():
    body = "\n".join([ENGLISH[0], ENGLISH[1], UNKNOWN["Icelandic"], UNKNOWN["Zulu"]])
    languages = detect_languages(body, [Embed(kind="tweet", text=UNKNOWN["Faroese"])], DEFAULT)
    assert languages.body == "en"
    assert languages.passages == ()
    assert languages.embeds[0].language is None
