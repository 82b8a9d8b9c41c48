"""A short summary of a letter in the newcomer's language, or a note that we have none.

The Dutch text of a letter is what counts; the summary helps the person understand it. Which
language: the first of the person's languages (``Inburgeraar.talen``, free text such as
"Dari, Engels") that we have a summary for. Where we have none, the letter says so in Dutch and
English; it never shows a summary in a language the person did not name.

NOT YET CHECKED BY NATIVE SPEAKERS: the texts below were written carefully but have not been
reviewed by native speakers or certified translators (docs/brieven.md). Have them checked before
a gemeente sends letters in production; keep the sentences short (B1) and the dates as numbers.
Dari (``prs``) and Farsi (``fa``) share the Persian-script text, written so both can read it.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.html import format_html

from openinburgering.regels.base import datum_nl
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.leerroutes import ZROUTE_MIN_TAALUREN, ZROUTE_MIN_UREN

B, OW, Z = Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE


@dataclass(frozen=True)
class Samenvatting:
    taal: str  # BCP 47 tag for lang=""
    richting: str  # "ltr" or "rtl"
    kop: str
    # The PIP beschikking; {route}, {einde}, {bezwaar}, {uren}, {taaluren} are filled in.
    pip_inleiding: str
    pip_route: str
    routenamen: dict
    #: What the person does in the route. Z-route: no exams (R59), only hours (R41).
    routeplicht: dict
    pip_einde: str
    pip_bezwaar: str
    #: Every other letter: that it matters and how to get help.
    brief_belangrijk: str
    officieel: str


SAMENVATTINGEN: dict[str, Samenvatting] = {
    "en": Samenvatting(
        taal="en",
        richting="ltr",
        kop="Summary in English",
        pip_inleiding="This letter is a decision about your personal integration and "
        "participation plan (PIP).",
        pip_route="Your learning route is {route}.",
        routenamen={
            B: "the B1 route",
            OW: "the education route",
            Z: "the Z-route (self-reliance route)",
        },  # fmt: skip
        routeplicht={
            B: "You take Dutch lessons and you take the integration exams.",
            OW: "You take a Dutch language programme that prepares you for a course of study, "
            "and you take exams.",
            Z: "You take Dutch lessons and you take part in activities. You have finished the "
            "Z-route when you have followed at least {uren} hours, of which at least "
            "{taaluren} hours of Dutch.",
        },
        pip_einde="You must finish your integration by {einde}.",
        pip_bezwaar="Do you not agree with this decision? You can object in writing up to and "
        "including {bezwaar}.",
        brief_belangrijk="This is an important letter from the municipality about your "
        "integration. Do you need help to read it? Please contact us.",
        officieel="The Dutch text of this letter is the official text.",
    ),
    "ar": Samenvatting(
        taal="ar",
        richting="rtl",
        kop="ملخص باللغة العربية",
        pip_inleiding="هذه الرسالة قرار بشأن خطتك الشخصية للاندماج والمشاركة (PIP).",
        pip_route="مسار التعلم الخاص بك هو {route}.",
        routenamen={B: "مسار B1", OW: "مسار التعليم", Z: "مسار Z (مسار الاعتماد على الذات)"},
        routeplicht={
            B: "ستحضر دروس اللغة الهولندية وستؤدي امتحانات الاندماج.",
            OW: "ستتبع برنامجًا للغة الهولندية يُعدّك للدراسة، وستؤدي امتحانات.",
            Z: "ستحضر دروس اللغة الهولندية وتشارك في أنشطة. تنتهي من مسار Z عندما تكمل "
            "{uren} ساعة على الأقل، منها {taaluren} ساعة على الأقل للغة الهولندية.",
        },
        pip_einde="يجب أن تنهي الاندماج في موعد أقصاه {einde}.",
        pip_bezwaar="هل أنت غير موافق على هذا القرار؟ يمكنك تقديم اعتراض كتابي حتى {bezwaar}.",
        brief_belangrijk="هذه رسالة مهمة من البلدية بخصوص اندماجك. هل تحتاج إلى مساعدة في "
        "قراءتها؟ تواصل معنا.",
        officieel="النص الهولندي لهذه الرسالة هو النص الرسمي.",
    ),
    "fa": Samenvatting(
        taal="fa",
        richting="rtl",
        kop="خلاصه به زبان فارسی (دری)",
        pip_inleiding="این نامه تصمیمی درباره‌ی برنامه‌ی شخصی ادغام و مشارکت شما (PIP) است.",
        pip_route="مسیر یادگیری شما {route} است.",
        routenamen={B: "مسیر B1", OW: "مسیر تحصیلی", Z: "مسیر Z (مسیر خودکفایی)"},
        routeplicht={
            B: "شما در کلاس‌های زبان هلندی شرکت می‌کنید و امتحان‌های ادغام را می‌دهید.",
            OW: "شما یک برنامه‌ی زبان هلندی را می‌گذرانید که شما را برای تحصیل آماده می‌کند، "
            "و امتحان می‌دهید.",
            Z: "شما در کلاس‌های زبان هلندی و در فعالیت‌ها شرکت می‌کنید. مسیر Z وقتی تمام "
            "می‌شود که دست‌کم {uren} ساعت را گذرانده باشید، که دست‌کم {taaluren} ساعت آن "
            "زبان هلندی است.",
        },
        pip_einde="شما باید تا تاریخ {einde} ادغام خود را به پایان برسانید.",
        pip_bezwaar="با این تصمیم موافق نیستید؟ می‌توانید تا تاریخ {bezwaar} به‌صورت کتبی "
        "اعتراض کنید.",
        brief_belangrijk="این نامه‌ی مهمی از شهرداری درباره‌ی ادغام شماست. برای خواندن آن به "
        "کمک نیاز دارید؟ با ما تماس بگیرید.",
        officieel="متن هلندی این نامه متن رسمی است.",
    ),
    "tr": Samenvatting(
        taal="tr",
        richting="ltr",
        kop="Türkçe özet",
        pip_inleiding="Bu mektup, kişisel uyum ve katılım planınız (PIP) hakkında bir karardır.",
        pip_route="Öğrenme yolunuz: {route}.",
        routenamen={B: "B1 yolu", OW: "eğitim yolu", Z: "Z yolu (kendi kendine yetme yolu)"},
        routeplicht={
            B: "Hollandaca derslerine katılırsınız ve uyum sınavlarına girersiniz.",
            OW: "Sizi bir öğrenime hazırlayan bir Hollandaca programına katılırsınız ve "
            "sınavlara girersiniz.",
            Z: "Hollandaca derslerine ve etkinliklere katılırsınız. En az {uren} saat, bunun "
            "en az {taaluren} saati Hollandaca olmak üzere, katıldığınızda Z yolunu "
            "tamamlamış olursunuz.",
        },
        pip_einde="Uyum sürecinizi en geç {einde} tarihine kadar tamamlamanız gerekir.",
        pip_bezwaar="Bu karara katılmıyor musunuz? {bezwaar} tarihine kadar yazılı olarak "
        "itiraz edebilirsiniz.",
        brief_belangrijk="Bu, belediyeden uyum süreciniz hakkında önemli bir mektuptur. "
        "Okumak için yardıma ihtiyacınız var mı? Bizimle iletişime geçin.",
        officieel="Bu mektubun resmî metni Hollandaca metindir.",
    ),
    "so": Samenvatting(
        taal="so",
        richting="ltr",
        kop="Soo koobid af-Soomaali ah",
        pip_inleiding="Warqaddani waa go'aan ku saabsan qorshahaaga shakhsiga ah ee "
        "is-dhexgalka iyo ka-qaybgalka (PIP).",
        pip_route="Waddada waxbarashadaadu waa {route}.",
        routenamen={
            B: "waddada B1",
            OW: "waddada waxbarashada",
            Z: "waddada Z (waddada isku-filnaanshaha)",
        },  # fmt: skip
        routeplicht={
            B: "Waxaad qaadanaysaa casharro af-Holandi ah, waxaadna galaysaa imtixaannada "
            "is-dhexgalka.",
            OW: "Waxaad raacaysaa barnaamij af-Holandi ah oo kuu diyaarinaya waxbarasho, "
            "waxaadna galaysaa imtixaanno.",
            Z: "Waxaad qaadanaysaa casharro af-Holandi ah, waxaadna ka qaybqaadanaysaa hawlo. "
            "Waddada Z waad dhammaysay marka aad qaadato ugu yaraan {uren} saacadood, oo "
            "ugu yaraan {taaluren} saacadood ay yihiin af-Holandi.",
        },
        pip_einde="Waa inaad dhammaysaa is-dhexgalkaaga ugu dambayn {einde}.",
        pip_bezwaar="Haddii aadan ku raacsanayn go'aankan, waxaad qoraal ahaan uga soo "
        "horjeesan kartaa ilaa {bezwaar}.",
        brief_belangrijk="Tani waa warqad muhiim ah oo ka timid dawladda hoose, kuna saabsan "
        "is-dhexgalkaaga. Ma u baahan tahay caawimo si aad u akhriso? Nala soo xiriir.",
        officieel="Qoraalka af-Holandiga ah ee warqaddan ayaa ah qoraalka rasmiga ah.",
    ),
    "ti": Samenvatting(
        taal="ti",
        richting="ltr",
        kop="ብትግርኛ ሓጺር መግለጺ",
        pip_inleiding="እዚ ደብዳበ ብዛዕባ ውልቃዊ መደብ ውህደትን ተሳትፎን (PIP) ዝምልከት ውሳነ እዩ።",
        pip_route="ናይ ትምህርቲ መስመርኩም {route} እዩ።",
        routenamen={B: "B1 መስመር", OW: "መስመር ትምህርቲ", Z: "Z መስመር (መስመር ርእሰ-ምኽኣል)"},
        routeplicht={
            B: "ትምህርቲ ቋንቋ ሆላንድ ክትወስዱን ፈተናታት ውህደት ክትፍተኑን ኢኹም።",
            OW: "ንትምህርቲ ዘዳልወኩም መደብ ቋንቋ ሆላንድ ክትከታተሉን ፈተናታት ክትፍተኑን ኢኹም።",
            Z: "ትምህርቲ ቋንቋ ሆላንድ ክትወስዱን ኣብ ንጥፈታት ክትሳተፉን ኢኹም። ብውሑዱ {uren} ሰዓታት፡ "
            "ካብኡ ብውሑዱ {taaluren} ሰዓታት ቋንቋ ሆላንድ፡ ምስ ተኸታተልኩም Z መስመር ወዲእኩም ማለት እዩ።",
        },
        pip_einde="ውህደትኩም ክሳብ {einde} ክትውድኡ ኣለኩም።",
        pip_bezwaar="በዚ ውሳነ ዘይትሰማምዑ እንተ ኾይንኩም፡ ክሳብ {bezwaar} ብጽሑፍ ተቓውሞ ከተቕርቡ ትኽእሉ ኢኹም።",
        brief_belangrijk="እዚ ካብ ምምሕዳር ከተማ ብዛዕባ ውህደትኩም ዝመጸ ኣገዳሲ ደብዳበ እዩ። ንምንባቡ "
        "ሓገዝ የድልየኩም ድዩ? ተራኸቡና።",
        officieel="እቲ ብሆላንድኛ ዝተጻሕፈ ጽሑፍ እዩ ወግዓዊ ጽሑፍ።",
    ),
    "uk": Samenvatting(
        taal="uk",
        richting="ltr",
        kop="Короткий зміст українською мовою",
        pip_inleiding="Цей лист є рішенням щодо вашого персонального плану інтеграції та "
        "участі (PIP).",
        pip_route="Ваш навчальний маршрут: {route}.",
        routenamen={
            B: "маршрут B1",
            OW: "освітній маршрут",
            Z: "маршрут Z (маршрут самостійності)",
        },  # fmt: skip
        routeplicht={
            B: "Ви відвідуєте уроки нідерландської мови та складаєте іспити з інтеграції.",
            OW: "Ви проходите програму нідерландської мови, яка готує вас до навчання, і "
            "складаєте іспити.",
            Z: "Ви відвідуєте уроки нідерландської мови та берете участь у заходах. Маршрут Z "
            "завершено, коли ви пройшли щонайменше {uren} годин, з них щонайменше "
            "{taaluren} годин нідерландської мови.",
        },
        pip_einde="Ви маєте завершити інтеграцію не пізніше {einde}.",
        pip_bezwaar="Ви не згодні з цим рішенням? Ви можете подати письмове заперечення не "
        "пізніше {bezwaar}.",
        brief_belangrijk="Це важливий лист від муніципалітету щодо вашої інтеграції. Вам "
        "потрібна допомога, щоб прочитати його? Зверніться до нас.",
        officieel="Офіційним є текст цього листа нідерландською мовою.",
    ),
}

#: Language names and codes as people type them in ``talen`` (Dutch, English, own name, ISO
#: 639-1/-3), mapped to the summary we have. Dari is not Farsi, but both read the same script
#: and the Persian text is written for both.
TAALCODES = {
    "en": ("engels", "english", "en", "eng"),
    "ar": ("arabisch", "arabic", "العربية", "عربي", "ar", "ara"),
    "fa": ("farsi", "perzisch", "persian", "فارسی", "fa", "fas", "per", "iraans"),
    "prs": ("dari", "دری", "prs", "afghaans perzisch", "afghaans-perzisch"),
    "tr": ("turks", "turkish", "türkçe", "turkce", "tr", "tur"),
    "so": ("somalisch", "somali", "soomaali", "af-soomaali", "so", "som"),
    "ti": ("tigrinya", "tigrinia", "tigrinisch", "ትግርኛ", "ti", "tir"),
    "uk": ("oekraïens", "oekraiens", "ukrainian", "українська", "uk", "ukr"),
    "nl": ("nederlands", "dutch", "nl", "nld", "dut", "vlaams"),
}
_NAAR_CODE = {naam: code for code, namen in TAALCODES.items() for naam in namen}

#: A language code to the summary text it reads (Dari reads the Persian-script text).
SAMENVATTING_VOOR = {code: code for code in SAMENVATTINGEN} | {"prs": "fa"}

GEEN_SAMENVATTING = {
    "nl": "Wij hebben (nog) geen samenvatting van deze brief in uw taal. Heeft u hulp nodig "
    "bij het lezen van deze brief? Neem dan contact met ons op.",
    "en": "We do not have a summary of this letter in your language (yet). Do you need help "
    "to read this letter? Please contact us.",
}


def taalcodes(talen: str) -> list[str]:
    """The codes of the languages named in ``talen``, in the order given; unknown names skipped."""
    codes = []
    for deel in re.split(r"[,;/\n]|\s+(?:en|and)\s+", talen.casefold()):
        naam = re.sub(r"\s*\(.*?\)\s*", " ", deel).strip(" .-")
        code = _NAAR_CODE.get(naam)
        if code and code not in codes:
            codes.append(code)
    return codes


def samenvattingstaal(talen: str) -> str:
    """The code of the summary for a person who speaks ``talen``; "" when we have none.

    The first named language we have a summary for; Dutch speakers need none ("nl").
    """
    for code in taalcodes(talen):
        if code == "nl" or code in SAMENVATTING_VOOR:
            return code
    return ""


def _invullen(zin: str, waarden: dict) -> str:
    """The sentence as HTML; each value is isolated left-to-right, so a date such as 02-03-2029
    keeps its order inside Arabic or Persian text (WeasyPrint breaks lines at hyphens and would
    otherwise show 2029-03-02)."""
    return format_html(
        zin,
        **{
            k: v if k == "route" else format_html('<bdi dir="ltr">{}</bdi>', v)
            for k, v in waarden.items()
        },
    )


def samenvatting_pip(taalcode: str, *, leerroute: str, einde: date, bezwaar: date) -> dict | None:
    """The PIP summary for ``taalcode``; ``None`` when there is no summary to show (Dutch).

    Its dates are the ones the Dutch text states (``einde`` of the inburgeringstermijn, the last
    day for ``bezwaar``), both from ``regels``; its route sentence comes from the route (no exams
    in the Z-route, R59)."""
    if taalcode == "nl":
        return None
    if taalcode not in SAMENVATTING_VOOR:
        return {"geen": GEEN_SAMENVATTING}
    s = SAMENVATTINGEN[SAMENVATTING_VOOR[taalcode]]
    route = Leerroute(leerroute)
    ingevuld = {
        "einde": datum_nl(einde),
        "bezwaar": datum_nl(bezwaar),
        "uren": ZROUTE_MIN_UREN,
        "taaluren": ZROUTE_MIN_TAALUREN,
        "route": s.routenamen[route],
    }
    return {
        "taal": s.taal,
        "richting": s.richting,
        "kop": s.kop,
        "zinnen": [
            _invullen(zin, ingevuld)
            for zin in (
                s.pip_inleiding,
                s.pip_route,
                s.routeplicht[route],
                s.pip_einde,
                s.pip_bezwaar,
                s.officieel,
            )
        ],
    }


def samenvatting_brief(taalcode: str) -> dict | None:
    """For letters other than the PIP: that the letter matters and where to get help."""
    if taalcode == "nl":
        return None
    if taalcode not in SAMENVATTING_VOOR:
        return {"geen": GEEN_SAMENVATTING}
    s = SAMENVATTINGEN[SAMENVATTING_VOOR[taalcode]]
    return {
        "taal": s.taal,
        "richting": s.richting,
        "kop": s.kop,
        "zinnen": [s.brief_belangrijk, s.officieel],
    }
