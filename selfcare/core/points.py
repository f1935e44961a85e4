"""Reference data for the acupressure points named in `focus`: names, where to find them, cautions.

Sources: domain_facts §2.2 (point table), §2.3 (contraindications and cautions).
Locations are our own plain-language paraphrase for a tired patient (landmarks and
finger-widths), not WHO text. Lay units: 1 cun ≈ the width of the patient's thumb;
3 cun ≈ four finger-widths (index to little finger).

`verified` is True only where §2.2 marks the location [V] (checked against a stored
source); [P] and [M] locations are False and must be checked before shipping.

Cautions are tags: later safety rules (clinician settings, patient flags) act on them.
Every point carries BROKEN_SKIN and LOW_PLATELETS, because those apply wherever the
finger presses (§2.3 "Skin and local site", "Bleeding risk").
Pure data, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from selfcare.core.focus import FOCUS_KINDS, FocusKind

LANGS = ("en", "es")


class Caution(StrEnum):
    """Why a point may need to be skipped or pressed gently for a given person."""

    PREGNANCY = "pregnancy"
    """Traditionally avoided in pregnancy (§2.3 Pregnancy)."""
    LYMPHOEDEMA_LIMB = "lymphoedema-limb"
    """Not on a limb with, or at risk of, lymphoedema (§2.3 Tumour, lymph nodes, lymphoedema)."""
    LINE_OR_PORT = "line-or-port"
    """Not over or near an IV/PICC line, port or catheter (§2.3 Skin and local site)."""
    BROKEN_SKIN = "broken-skin"
    """Not on broken, bruised, swollen, red or infected skin (§2.3 Skin and local site)."""
    TUMOUR_OR_BONE_METASTASIS = "tumour-or-bone-metastasis"
    """Not over a tumour or a bone-metastasis area (§2.3 Bone metastases; §2.2 table)."""
    SPINAL_INSTABILITY = "spinal-instability"
    """Not over an unstable spine (§2.3 Bone metastases / spinal instability; §2.2 GB20)."""
    RECENT_SURGERY = "recent-surgery"
    """Not over a recent operation site (§2.2 GV20 "recent neurosurgery")."""
    LOW_PLATELETS = "low-platelets"
    """Gentle pressure only with low platelets or anticoagulants: bruising risk (§2.3)."""
    NEUROPATHY = "neuropathy"
    """Reduced feeling: light pressure, check the skin afterwards (§2.3 Neuropathy)."""
    DVT_LIMB = "dvt-limb"
    """Not on a limb with a blood clot, nor below it (§2.3 DVT)."""
    NECK_FRONT = "neck-front"
    """No pressure on the front of the neck / over the carotid (§2.2 Anmian)."""


class Side(StrEnum):
    BOTH = "both"
    """A pair: one point on each side of the body."""
    MIDLINE = "midline"
    """A single point on the body's midline."""


@dataclass(frozen=True, slots=True)
class Point:
    """One acupressure point. `code` is its focus code in `selfcare.core.focus`."""

    code: str
    pinyin: str
    names: Mapping[str, str] = field(hash=False)
    """Language code → traditional English name or its Spanish rendering."""
    location: Mapping[str, str] = field(hash=False)
    """Language code → how to find the point, in plain words."""
    sides: Side
    cautions: frozenset[Caution]
    verified: bool
    """True when §2.2 marks the location [V]; False for [P] or [M]."""
    gentle: bool = False
    """§2.2 asks for gentle pressure here whatever the person's flags."""


def _point(
    code: str,
    pinyin: str,
    *,
    en: tuple[str, str],
    es: tuple[str, str],
    sides: Side,
    cautions: set[Caution],
    verified: bool,
    gentle: bool = False,
) -> Point:
    return Point(
        code=code,
        pinyin=pinyin,
        names=MappingProxyType({"en": en[0], "es": es[0]}),
        location=MappingProxyType({"en": en[1], "es": es[1]}),
        sides=sides,
        cautions=frozenset(cautions | _EVERYWHERE),
        verified=verified,
        gentle=gentle,
    )


C = Caution
# Apply at every point (§2.3 Skin and local site; Bleeding risk / low platelets).
_EVERYWHERE = {C.BROKEN_SKIN, C.LOW_PLATELETS}
# Hand, wrist and forearm points.
_ARM = {
    C.LYMPHOEDEMA_LIMB,
    C.LINE_OR_PORT,
    # §2.3 DVT: "the limb area of a recent clot" - any limb, arm clots included.
    C.DVT_LIMB,
}
# Leg, ankle and foot points. No LINE_OR_PORT: §2.3 does not place lines/ports on legs.
_LEG = {C.LYMPHOEDEMA_LIMB, C.DVT_LIMB}

_POINT_LIST = (
    _point(
        "LI4",
        "Hegu",
        en=(
            "Union Valley",
            "On the back of your hand. Press your thumb against the side of your index "
            "finger: a small mound of muscle rises between them. The point is at the top "
            "of that mound. Relax your hand again and press there, toward the bone of "
            "your index finger.",
        ),
        es=(
            "Valle de la Unión",
            "En el dorso de la mano. Junta el pulgar con el costado del dedo índice: entre "
            "los dos se forma un pequeño bulto de músculo. El punto está en lo más alto de "
            "ese bulto. Vuelve a relajar la mano y presiona ahí, hacia el hueso del dedo "
            "índice.",
        ),
        sides=Side.BOTH,
        # §2.2/§2.3: traditionally avoided in pregnancy (said to be able to induce labour).
        cautions={C.PREGNANCY, C.NEUROPATHY} | _ARM,
        verified=True,
    ),
    _point(
        "PC6",
        "Neiguan",
        en=(
            "Inner Pass",
            "On the inside of your forearm. Find the crease where your wrist bends. Lay "
            "three fingers of your other hand across your forearm, the first one on the "
            "crease. The point is just past the third finger, in the middle, between the "
            "two tendons you can feel there.",
        ),
        es=(
            "Paso Interior",
            "En la cara interna del antebrazo. Busca el pliegue donde se dobla la muñeca. "
            "Apoya tres dedos de la otra mano sobre el antebrazo, el primero sobre el "
            "pliegue. El punto está justo después del tercer dedo, en el centro, entre los "
            "dos tendones que se notan ahí.",
        ),
        sides=Side.BOTH,
        # §2.2 PC6: not on an arm with an IV/PICC line, rash, wound or lymphoedema.
        # NEUROPATHY: near the wrist, inside the usual "glove" area of CIPN (inference).
        cautions={C.NEUROPATHY} | _ARM,
        verified=True,
    ),
    _point(
        "HT7",
        "Shenmen",
        en=(
            "Spirit Gate",
            "On the inside of your wrist, on the little-finger side. Follow the crease "
            "where your wrist bends toward the little-finger edge. Feel the cord-like "
            "tendon that runs to the small round bone at the edge of your hand. The point "
            "is in the little hollow on the thumb side of that tendon, right on the crease.",
        ),
        es=(
            "Puerta del Espíritu",
            "En la cara interna de la muñeca, del lado del dedo meñique. Sigue el pliegue "
            "de la muñeca hacia el borde del meñique. Palpa el tendón, como un cordón, que "
            "llega al pequeño hueso redondo del borde de la mano. El punto está en el "
            "pequeño hueco junto a ese tendón, del lado del pulgar, justo sobre el pliegue.",
        ),
        sides=Side.BOTH,
        cautions={C.NEUROPATHY} | _ARM,
        verified=True,
    ),
    _point(
        "SP6",
        "Sanyinjiao",
        en=(
            "Three Yin Intersection",
            "On the inside of your lower leg. Find the round bump of your inner ankle "
            "bone. Lay four fingers flat above it, your little finger on the top of the "
            "bump. The point is just above your index finger, right against the back "
            "edge of your shin bone.",
        ),
        es=(
            "Cruce de los Tres Yin",
            "En la cara interna de la parte baja de la pierna. Busca el bulto redondo del "
            "tobillo por dentro. Apoya cuatro dedos juntos encima, con el meñique sobre lo "
            "más alto del bulto. El punto está justo encima del dedo índice, pegado al "
            "borde de atrás del hueso de la espinilla.",
        ),
        sides=Side.BOTH,
        # §2.2/§2.3: traditionally avoided in pregnancy (used to induce labour).
        # NEUROPATHY: low on the leg, often inside the "stocking" area of CIPN (inference).
        cautions={C.PREGNANCY, C.NEUROPATHY} | _LEG,
        verified=True,
    ),
    _point(
        "LR3",
        "Taichong",
        en=(
            "Great Rushing",
            "On the top of your foot. Start at the web between your big toe and second "
            "toe. Slide your finger up between the two long bones, about two finger-widths, "
            "until it drops into a hollow just before the bones meet. The point is in "
            "that hollow.",
        ),
        es=(
            "Gran Impulso",
            "En el empeine del pie. Empieza en el pliegue entre el dedo gordo y el segundo "
            "dedo. Desliza el dedo hacia el tobillo entre los dos huesos largos, unos dos "
            "dedos de ancho, hasta notar un hueco justo antes de que los huesos se junten. "
            "El punto está en ese hueco.",
        ),
        sides=Side.BOTH,
        cautions={C.NEUROPATHY} | _LEG,
        verified=True,
    ),
    _point(
        "ST36",
        "Zusanli",
        en=(
            "Leg Three Miles",
            "On the front of your lower leg, below the knee. Find the hollow just below "
            "your kneecap, on the outer side. Lay four fingers flat across your leg, with "
            "the top edge of your index finger at the hollow. The point is just below your "
            "little finger, about one finger-width to the outer side of your shin bone.",
        ),
        es=(
            "Tres Millas de la Pierna",
            "En la parte delantera de la pierna, debajo de la rodilla. Busca el hueco que "
            "hay justo debajo de la rótula, por el lado de fuera. Apoya cuatro dedos "
            "juntos a lo ancho de la pierna, con el borde de arriba del índice en el hueco. "
            "El punto está justo debajo del meñique, a un dedo de ancho por fuera del hueso "
            "de la espinilla.",
        ),
        sides=Side.BOTH,
        # §2.2 ST36: avoid over a tumour, bone metastasis, wound or DVT limb.
        cautions={C.TUMOUR_OR_BONE_METASTASIS} | _LEG,
        verified=True,
    ),
    _point(
        "KI3",
        "Taixi",
        en=(
            "Great Stream",
            "On the inside of your ankle. Find the highest point of your inner ankle "
            "bone. Move straight back toward the cord above your heel (the Achilles "
            "tendon). The point is in the soft hollow between the bone and the cord.",
        ),
        es=(
            "Gran Arroyo",
            "En la cara interna del tobillo. Busca lo más alto del hueso del tobillo por "
            "dentro. Ve en línea recta hacia atrás, hacia el tendón que hay sobre el talón "
            "(el tendón de Aquiles). El punto está en el hueco blando entre el hueso y el "
            "tendón.",
        ),
        sides=Side.BOTH,
        cautions={C.NEUROPATHY} | _LEG,
        verified=True,
    ),
    _point(
        "KI1",
        "Yongquan",
        en=(
            "Gushing Spring",
            "On the sole of your foot. Curl your toes: a hollow appears in the front part "
            "of the sole. The point is in the deepest part of that hollow, about a third "
            "of the way from the base of your second and third toes to your heel.",
        ),
        es=(
            "Manantial Burbujeante",
            "En la planta del pie. Encoge los dedos del pie: aparece un hueco en la parte "
            "delantera de la planta. El punto está en lo más hondo de ese hueco, a un "
            "tercio del camino entre la base del segundo y el tercer dedo y el talón.",
        ),
        sides=Side.BOTH,
        # §2.2 KI1: avoid with numb/neuropathic feet (pressure injury), ulcers, lymphoedema.
        cautions={C.NEUROPATHY} | _LEG,
        verified=False,  # §2.2 marks the KI1 location [M]
    ),
    _point(
        "GV20",
        "Baihui",
        en=(
            "Hundred Meetings",
            "On the top of your head, on the middle line. Put your thumbs on the top tips "
            "of your ears and bring your middle fingers together over the top of your head. "
            "The point is where they meet.",
        ),
        es=(
            "Cien Reuniones",
            "En lo alto de la cabeza, en la línea del centro. Pon los pulgares en la punta "
            "de arriba de las orejas y junta los dedos medios sobre la cabeza. El punto "
            "está donde se encuentran.",
        ),
        sides=Side.MIDLINE,
        # §2.2 GV20: gentle; avoid with skull lesions or recent neurosurgery.
        cautions={C.TUMOUR_OR_BONE_METASTASIS, C.RECENT_SURGERY},
        verified=True,
        gentle=True,
    ),
    _point(
        "GB20",
        "Fengchi",
        en=(
            "Wind Pool",
            "On the back of your neck, just under the base of your skull. From the middle "
            "of the back of your neck, slide your fingers out to each side along the "
            "lower edge of the skull. Stop in the hollow between the two large neck "
            "muscles. There is one point in each of these hollows.",
        ),
        es=(
            "Estanque del Viento",
            "En la nuca, justo debajo de la base del cráneo. Desde el centro de la nuca, "
            "desliza los dedos hacia cada lado por el borde de abajo del cráneo. Detente "
            "en el hueco que hay entre los dos músculos grandes del cuello. Hay un punto "
            "en cada uno de esos huecos.",
        ),
        sides=Side.BOTH,
        # §2.2 GB20: avoid with cervical-spine metastases or instability.
        cautions={C.TUMOUR_OR_BONE_METASTASIS, C.SPINAL_INSTABILITY},
        verified=True,
    ),
    _point(
        "YINTANG",
        "Yintang",
        en=(
            "Hall of Impression",
            "On your forehead, on the middle line. The point is halfway between the inner "
            "ends of your eyebrows, just above the bridge of your nose.",
        ),
        es=(
            "Sala de la Impresión",
            "En la frente, en la línea del centro. El punto está a medio camino entre los "
            "extremos interiores de las cejas, justo encima del puente de la nariz.",
        ),
        sides=Side.MIDLINE,
        cautions=set(),
        verified=False,  # §2.2 marks the Yintang row [P]
        gentle=True,  # §2.2 Yintang: gentle pressure
    ),
    _point(
        "ANMIAN",
        "Anmian",
        en=(
            "Peaceful Sleep",
            "Behind your ear. Find the hollow just behind your earlobe. Then find the "
            "hollow under the base of your skull on the same side, between the two large "
            "neck muscles (the Wind Pool point). The point is about halfway between these "
            "two hollows. Press gently and keep away from the front of your neck.",
        ),
        es=(
            "Sueño Tranquilo",
            "Detrás de la oreja. Busca el hueco que hay justo detrás del lóbulo de la "
            "oreja. Después busca el hueco bajo la base del cráneo del mismo lado, entre "
            "los dos músculos grandes del cuello (el punto Estanque del Viento). El punto "
            "está más o menos a medio camino entre esos dos huecos. Presiona con suavidad "
            "y no toques la parte delantera del cuello.",
        ),
        sides=Side.BOTH,
        # §2.2 Anmian: gentle; avoid pressure over the carotid / front of the neck.
        cautions={C.NECK_FRONT},
        verified=False,  # §2.2 marks the Anmian row [P]/[M]; no WHO code
        gentle=True,
    ),
)

POINTS: dict[str, Point] = {p.code: p for p in _POINT_LIST}


def point(code: str) -> Point:
    """The reference entry for a point focus code; KeyError naming the code if unknown."""
    try:
        return POINTS[code]
    except KeyError:
        known = ", ".join(POINTS)
        raise KeyError(f"no acupressure point with code {code!r} (known: {known})") from None


def points_with(caution: Caution) -> list[Point]:
    """Points carrying `caution`, in the order of the focus list."""
    return [p for p in POINTS.values() if caution in p.cautions]


def pressed_points(focus_codes: Iterable[str | None]) -> list[str]:
    """The point codes among a session's step focuses, once each, in the order pressed."""
    return list(dict.fromkeys(code for code in focus_codes if code in POINTS))


def _check() -> None:
    focus_points = {c for c, kind in FOCUS_KINDS.items() if kind is FocusKind.POINT}
    if set(POINTS) != focus_points:
        raise RuntimeError(f"points.py and focus.py disagree: {set(POINTS) ^ focus_points}")


_check()
