"""Profile builders shared by the eligibility tests (no tests here)."""
from __future__ import annotations


def rec(year, rating="hoan_thanh_tot", titles=(), awards=(), initiatives=(), discipline=(), leave=(), months=12, **extra):
    """One year's record; pass None for a field to make it unknown."""
    out = {"year": year, "rating": rating, "months_worked": months,
           "leave": None if leave is None else [dict(kind=k, months=m) for k, m in leave],
           "discipline": None if discipline is None else list(discipline),
           "titles": None if titles is None else list(titles),
           "awards": None if awards is None else list(awards),
           "initiatives": None if initiatives is None else [dict(scope=s, year=y) for s, y in initiatives]}
    out.update(extra)
    return out


def crec(year, rating="hoan_thanh_xuat_sac", titles=(), awards=(), total=20, completed=20, ldtt=16, cstdcs=2,
         disciplined=0, leads_block=None, discipline=()):
    return {"year": year, "rating": rating, "titles": None if titles is None else list(titles),
            "awards": None if awards is None else list(awards), "members_total": total,
            "members_completed": completed, "members_lao_dong_tien_tien": ldtt,
            "members_chien_si_thi_dua_co_so": cstdcs, "members_disciplined_canh_cao_or_higher": disciplined,
            "leads_block": leads_block, "discipline": None if discipline is None else list(discipline)}


def person(award, records, year=2025, as_of="2026-01-20", **top):
    nominee = {"kind": "individual", "name": "Nguyễn Văn A", "records": records}
    if "group" in top:
        nominee["group"] = top.pop("group")
    return {"id": "t", "award": award, "as_of": as_of, "year": year, "nominee": nominee, **top}


def unit(award, records, year=2025, as_of="2026-01-20", founded_year=None, **top):
    nominee = {"kind": "collective", "name": "Phòng Tổng hợp", "records": records}
    if founded_year is not None:
        nominee["founded_year"] = founded_year
    return {"id": "t", "award": award, "as_of": as_of, "year": year, "nominee": nominee, **top}


LDTT, CSTDCS, CSTDT = "lao_dong_tien_tien", "chien_si_thi_dua_co_so", "chien_si_thi_dua_cap_tinh"
XS, TOT, HT = "hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh"
