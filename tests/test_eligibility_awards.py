"""Cases written from the articles: each names the article it checks.

At least eligible / not eligible (each distinct reason) / insufficient per award.
"""
from __future__ import annotations

import re

import pytest

from assistant.eligibility import check_eligibility
from test_eligibility_helpers import CSTDCS, CSTDT, HT, LDTT, TOT, XS, crec, person, rec, unit

BN = "qd-86-2025-ubnd-bac-ninh"
CHAIN = [rec(y, XS, [LDTT, CSTDCS]) for y in range(2020, 2026)]

CASES = [
    # --- lao_dong_tien_tien: Luật 06/2022 Điều 24 ---
    ("Điều 24 k1 a: hoàn thành tốt nhiệm vụ", person("lao_dong_tien_tien", [rec(2025, TOT)]), "eligible", "Điều 24, khoản 1, điểm a", None),
    ("Điều 24 k1 a: chỉ hoàn thành nhiệm vụ", person("lao_dong_tien_tien", [rec(2025, HT)]), "not_eligible", "Điều 24", "k1.a"),
    ("NĐ 152/2025 Điều 4 k4: kỷ luật trong năm", person("lao_dong_tien_tien", [rec(2025, XS, discipline=["canh_cao"])]), "not_eligible", "152/2025/NĐ-CP, Điều 4, khoản 4", "chung.ky_luat"),
    ("Điều 24 k1 a: chưa có xếp loại", person("lao_dong_tien_tien", [rec(2025, None)]), "insufficient", "Điều 24", None),
    ("Điều 24 k3: công nhân, nông dân — tiêu chuẩn cần Hội đồng đánh giá", person("lao_dong_tien_tien", [rec(2025, None)], group="cong_nhan_nong_dan"), "eligible", "Điều 24, khoản 3", None),
    ("TT 01/2024 Điều 1 k5 d: mới tuyển dụng dưới 06 tháng", person("lao_dong_tien_tien", [rec(2024, TOT, months=4)], year=2024, as_of="2025-01-15"), "not_eligible", "01/2024/TT-BNV, Điều 1, khoản 5, điểm d", "tt01.k5.d"),
    ("TT 01/2024 Điều 1 k5 d + NĐ 98/2023 Điều 4 k5: nghỉ thai sản được tính", person("lao_dong_tien_tien", [rec(2024, TOT, months=4, leave=[("thai_san", 5)])], year=2024, as_of="2025-01-15"), "eligible", "01/2024/TT-BNV", None),
    ("NĐ 152/2025 (TT 15/2025 chưa có): không áp ngưỡng số tháng", person("lao_dong_tien_tien", [rec(2025, TOT, months=4)]), "eligible", "Điều 24", None),
    ("NĐ 98/2023 Điều 4 k4: kỷ luật trong năm (giai đoạn 2024–6/2025)", person("lao_dong_tien_tien", [rec(2024, TOT, discipline=["khien_trach"])], year=2024, as_of="2025-02-01"), "not_eligible", "98/2023/NĐ-CP, Điều 4, khoản 4", "chung.ky_luat"),
    # --- chien_si_thi_dua_co_so: Điều 23 ---
    ("Điều 23 k2: sáng kiến cơ sở", person("chien_si_thi_dua_co_so", [rec(2025, TOT, [LDTT], initiatives=[("co_so", 2025)])]), "eligible", "Điều 23, khoản 2", None),
    ("Điều 23 k2: không xuất sắc, không sáng kiến", person("chien_si_thi_dua_co_so", [rec(2025, TOT, [LDTT])]), "not_eligible", "Điều 23, khoản 2", "k2"),
    ("Điều 23 k1: không đạt tiêu chuẩn LĐTT", person("chien_si_thi_dua_co_so", [rec(2025, HT, [], initiatives=[("co_so", 2025)])]), "not_eligible", "Điều 23, khoản 1", "k1"),
    ("Điều 23 k2: chưa rõ sáng kiến", person("chien_si_thi_dua_co_so", [rec(2025, TOT, [LDTT], initiatives=None)]), "insufficient", "Điều 23", None),
    # --- chien_si_thi_dua_cap_tinh: Điều 22 ---
    ("Điều 22 k1: 03 lần CSTĐCS + đề tài cấp tỉnh", person(CSTDT, [rec(y, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", y)] if y == 2024 else []) for y in (2023, 2024, 2025)]), "eligible", "Điều 22, khoản 1, điểm b", None),
    ("Điều 22 k1 a: CSTĐCS không liên tục", person(CSTDT, [rec(2023, XS, [LDTT, CSTDCS]), rec(2024, TOT, [LDTT]), rec(2025, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", 2025)])]), "not_eligible", "Điều 22, khoản 1, điểm a", "k1.a"),
    ("Điều 22 k1 b: sáng kiến chỉ phạm vi cơ sở", person(CSTDT, [rec(y, XS, [LDTT, CSTDCS], initiatives=[("co_so", y)]) for y in (2023, 2024, 2025)]), "not_eligible", "Điều 22, khoản 1, điểm b", "k1.b"),
    ("Điều 22 k1 b: đề tài cấp tỉnh ngoài 03 năm", person(CSTDT, [rec(y, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", y)] if y == 2021 else []) for y in range(2021, 2026)]), "not_eligible", "Điều 22", "k1.b"),
    ("Điều 22 k1 a: thiếu bản ghi năm 2024", person(CSTDT, [rec(2023, XS, [LDTT, CSTDCS]), rec(2025, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", 2025)])]), "insufficient", "Điều 22", None),
    ("NĐ 152/2025 Điều 4 k4: kỷ luật năm 2024 cắt chuỗi CSTĐCS", person(CSTDT, [rec(2023, XS, [LDTT, CSTDCS]), rec(2024, XS, [LDTT, CSTDCS], discipline=["khien_trach"]), rec(2025, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", 2025)])]), "not_eligible", "Điều 22", "k1.a"),
    # --- chien_si_thi_dua_toan_quoc: Điều 21 ---
    ("Điều 21 k1: 02 lần liên tục CSTĐ tỉnh + sáng kiến toàn quốc", person("chien_si_thi_dua_toan_quoc", [rec(y, XS, [LDTT, CSTDCS] + ([CSTDT] if y in (2022, 2025) else []), initiatives=[("toan_quoc", 2024)] if y == 2024 else []) for y in range(2020, 2026)]), "eligible", "Điều 21, khoản 1, điểm b", None),
    ("Điều 21 k1 a: mới 01 lần CSTĐ tỉnh", person("chien_si_thi_dua_toan_quoc", [rec(y, XS, [LDTT, CSTDCS] + ([CSTDT] if y == 2025 else []), initiatives=[("toan_quoc", 2024)] if y == 2024 else []) for y in range(2020, 2026)]), "not_eligible", "Điều 21, khoản 1, điểm a", "k1.a"),
    ("Điều 21 k1 a: 02 lần CSTĐ tỉnh không liên tục", person("chien_si_thi_dua_toan_quoc", [rec(y, XS, [LDTT] + ([CSTDCS] if y != 2019 else []) + ([CSTDT] if y in (2018, 2025) else []), initiatives=[("toan_quoc", 2024)] if y == 2024 else []) for y in range(2016, 2026)]), "not_eligible", "Điều 21", "k1.a"),
    ("Điều 21 k1 b: sáng kiến chỉ cấp tỉnh", person("chien_si_thi_dua_toan_quoc", [rec(y, XS, [LDTT, CSTDCS] + ([CSTDT] if y in (2022, 2025) else []), initiatives=[("cap_tinh", 2024)] if y == 2024 else []) for y in range(2020, 2026)]), "not_eligible", "Điều 21, khoản 1, điểm b", "k1.b"),
    ("Điều 21 k1 b: chưa rõ sáng kiến", person("chien_si_thi_dua_toan_quoc", [rec(y, XS, [LDTT, CSTDCS] + ([CSTDT] if y in (2022, 2025) else []), initiatives=None) for y in range(2020, 2026)]), "insufficient", "Điều 21", None),
    # --- giay_khen: Điều 75 (+ QĐ 86/2025 Bắc Ninh Điều 4 k3) ---
    ("Điều 75 k2: tiêu chuẩn do Bộ, ngành, tỉnh quy định", person("giay_khen", [rec(2025, TOT)]), "eligible", "Điều 75, khoản 2", None),
    ("NĐ 152/2025 Điều 4 k4: giấy khen khi đang bị kỷ luật", person("giay_khen", [rec(2025, TOT, discipline=["khien_trach"])]), "not_eligible", "152/2025/NĐ-CP", "chung.ky_luat"),
    ("Điều 75: thiếu bản ghi năm xét", person("giay_khen", [rec(2024, TOT)]), "insufficient", "Điều 75", None),
    ("QĐ 86/2025 Bắc Ninh Điều 4 k3 a: chưa hoàn thành tốt nhiệm vụ", person("giay_khen", [rec(2025, HT)], regulation=BN), "not_eligible", "86/2025/QĐ-UBND), Điều 4, khoản 3, điểm a", "bn.k3.a.hoan_thanh_tot"),
    ("QĐ 86/2025 Bắc Ninh Điều 4 k3 a: hoàn thành tốt nhiệm vụ", person("giay_khen", [rec(2025, TOT)], regulation=BN), "eligible", "86/2025/QĐ-UBND", None),
    ("Điều 75 k2 (tập thể)", unit("giay_khen", [crec(2025, TOT)]), "eligible", "Điều 75, khoản 2", None),
    ("QĐ 86/2025 Bắc Ninh Điều 4 k3 b: tập thể chỉ hoàn thành nhiệm vụ", unit("giay_khen", [crec(2025, HT)], regulation=BN), "not_eligible", "Điều 4, khoản 3, điểm b", "bn.k3.b.hoan_thanh_tot"),
    ("NĐ 152/2025 Điều 4 k4 (tập thể): chưa rõ kỷ luật", unit("giay_khen", [crec(2025, TOT, discipline=None)]), "insufficient", "152/2025/NĐ-CP", None),
    # --- bang_khen_cap_tinh: Điều 74 ---
    ("Điều 74 k1 d: 02 năm xuất sắc + 02 sáng kiến", person("bang_khen_cap_tinh", [rec(2024, XS, [LDTT], initiatives=[("co_so", 2024)]), rec(2025, XS, [LDTT], initiatives=[("co_so", 2025)])], claim="k1.d"), "eligible", "Điều 74, khoản 1, điểm d", None),
    ("Điều 74 k1 d: 02 lần CSTĐCS + 02 sáng kiến", person("bang_khen_cap_tinh", [rec(2024, TOT, [LDTT, CSTDCS], initiatives=[("co_so", 2024)]), rec(2025, TOT, [LDTT, CSTDCS], initiatives=[("co_so", 2025)])], claim="k1.d"), "eligible", "Điều 74, khoản 1, điểm d", None),
    ("Điều 74 k1 d: chỉ 01 sáng kiến", person("bang_khen_cap_tinh", [rec(2024, XS, [LDTT]), rec(2025, XS, [LDTT], initiatives=[("co_so", 2025)])], claim="k1.d"), "not_eligible", "Điều 74, khoản 1, điểm d", "k1"),
    ("Điều 74 k1 d: không liên tục 02 năm", person("bang_khen_cap_tinh", [rec(2024, TOT, [LDTT], initiatives=[("co_so", 2024)]), rec(2025, XS, [LDTT], initiatives=[("co_so", 2025)])], claim="k1.d"), "not_eligible", "Điều 74", "k1"),
    ("Điều 74 k1: không nêu phương án — các điểm a, b, c chờ Hội đồng", person("bang_khen_cap_tinh", [rec(2024, TOT, [LDTT]), rec(2025, TOT, [LDTT])]), "eligible", "Điều 74, khoản 1, điểm a", None),
    ("Điều 74 k1 d: thiếu bản ghi năm 2024", person("bang_khen_cap_tinh", [rec(2025, XS, [LDTT, CSTDCS], initiatives=[("co_so", 2025), ("co_so", 2025)])], claim="k1.d"), "insufficient", "Điều 74", None),
    ("Điều 74 k3 d: tập thể 02 năm xuất sắc", unit("bang_khen_cap_tinh", [crec(2024, XS), crec(2025, TOT, ["tap_the_lao_dong_xuat_sac"])], claim="k3.d"), "eligible", "Điều 74, khoản 3, điểm d", None),
    ("Điều 74 k3 d: tập thể năm 2024 chỉ hoàn thành tốt", unit("bang_khen_cap_tinh", [crec(2024, TOT), crec(2025, XS)], claim="k3.d"), "not_eligible", "Điều 74, khoản 3", "k3"),
    ("Điều 74 k3 d: tập thể thiếu năm 2024", unit("bang_khen_cap_tinh", [crec(2025, XS)], claim="k3.d"), "insufficient", "Điều 74", None),
    # --- bang_khen_thu_tuong: Điều 73 ---
    ("Điều 73 k1 b: BK tỉnh + 05 năm HTT + 03 CSTĐCS", person("bang_khen_thu_tuong", [rec(2019, XS, [LDTT], ["bang_khen_cap_tinh"])] + [rec(y, TOT, [LDTT] + ([CSTDCS] if y in (2021, 2022, 2024) else [])) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.b"), "eligible", "Điều 73, khoản 1, điểm b", None),
    ("Điều 73 k1 b: mới 02 lần CSTĐCS", person("bang_khen_thu_tuong", [rec(2019, XS, [LDTT], ["bang_khen_cap_tinh"])] + [rec(y, TOT, [LDTT] + ([CSTDCS] if y in (2021, 2024) else [])) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.b"), "not_eligible", "Điều 73, khoản 1, điểm b", "k1"),
    ("Điều 73 k1 b: không liên tục 05 năm", person("bang_khen_thu_tuong", [rec(2019, XS, [LDTT], ["bang_khen_cap_tinh"])] + [rec(y, HT if y == 2022 else TOT, [LDTT, CSTDCS]) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.b"), "not_eligible", "Điều 73", "k1"),
    ("Điều 73 k1 b: chưa được tặng bằng khen tỉnh", person("bang_khen_thu_tuong", [rec(y, TOT, [LDTT, CSTDCS]) for y in range(2018, 2025)], year=2024, as_of="2025-10-01", claim="k1.b"), "not_eligible", "Điều 73", "k1"),
    ("Điều 73 k1 b: chưa rõ khen thưởng các năm trước", person("bang_khen_thu_tuong", [rec(y, TOT, [LDTT, CSTDCS], awards=None) for y in range(2018, 2025)], year=2024, as_of="2025-10-01", claim="k1.b"), "insufficient", "Điều 73", None),
    ("Điều 73 k4 e: tập thể BK tỉnh + 05 năm xuất sắc + cờ", unit("bang_khen_thu_tuong", [crec(2019, XS, awards=["bang_khen_cap_tinh"])] + [crec(y, XS, ["co_thi_dua_cap_tinh"] if y == 2022 else []) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k4.e"), "eligible", "Điều 73, khoản 4, điểm e", None),
    ("Điều 73 k4 e: tập thể không có cờ, chỉ 01 bằng khen", unit("bang_khen_thu_tuong", [crec(2019, XS, awards=["bang_khen_cap_tinh"])] + [crec(y, XS, awards=["bang_khen_cap_tinh"] if y == 2022 else []) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k4.e"), "not_eligible", "Điều 73, khoản 4", "k4"),
    ("Điều 73 k4 e: tập thể chưa rõ xếp loại 2022", unit("bang_khen_thu_tuong", [crec(2019, XS, awards=["bang_khen_cap_tinh"])] + [crec(y, None if y == 2022 else XS, [] if y != 2022 else None) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k4.e"), "insufficient", "Điều 73", None),
    # --- huan_chuong_lao_dong_hang_ba: Điều 44 ---
    ("Điều 44 k1 e: BK TTg + 05 năm + 01 năm xuất sắc + 03 CSTĐCS", person("huan_chuong_lao_dong_hang_ba", [rec(2019, XS, [LDTT], ["bang_khen_thu_tuong"])] + [rec(y, XS if y == 2023 else TOT, [LDTT] + ([CSTDCS] if y in (2020, 2022, 2024) else [])) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.e"), "eligible", "Điều 44, khoản 1, điểm e", None),
    ("Điều 44 k1 e: không có năm xuất sắc", person("huan_chuong_lao_dong_hang_ba", [rec(2019, XS, [LDTT], ["bang_khen_thu_tuong"])] + [rec(y, TOT, [LDTT] + ([CSTDCS] if y in (2020, 2022, 2024) else [])) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.e"), "not_eligible", "Điều 44, khoản 1", "k1"),
    ("Điều 44 k1 e: chưa rõ xếp loại 2022", person("huan_chuong_lao_dong_hang_ba", [rec(2019, XS, [LDTT], ["bang_khen_thu_tuong"])] + [rec(y, None if y == 2022 else TOT, [LDTT, CSTDCS]) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k1.e"), "insufficient", "Điều 44", None),
    ("Điều 44 k4 đ: tập thể 10 năm + BK TTg + 05 năm + 02 cờ", unit("huan_chuong_lao_dong_hang_ba", [crec(2019, XS, awards=["bang_khen_thu_tuong"])] + [crec(y, XS, ["co_thi_dua_cap_tinh"] if y in (2021, 2023) else []) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", founded_year=2005, claim="k4.đ"), "eligible", "Điều 44, khoản 4, điểm đ", None),
    ("Điều 44 k4 đ: tập thể thành lập chưa đủ 10 năm", unit("huan_chuong_lao_dong_hang_ba", [crec(2019, XS, awards=["bang_khen_thu_tuong"])] + [crec(y, XS, ["co_thi_dua_cap_tinh"] if y in (2021, 2023) else []) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", founded_year=2018, claim="k4.dd"), "not_eligible", "Điều 44, khoản 4", "k4"),
    ("Điều 44 k4 đ: tập thể chưa có năm thành lập", unit("huan_chuong_lao_dong_hang_ba", [crec(2019, XS, awards=["bang_khen_thu_tuong"])] + [crec(y, XS, ["co_thi_dua_cap_tinh"] if y in (2021, 2023) else []) for y in range(2020, 2025)], year=2024, as_of="2025-10-01", claim="k4.đ"), "insufficient", "Điều 44", None),
    # --- tap_the_lao_dong_tien_tien: Điều 28 ---
    ("Điều 28 k1: đủ tiêu chuẩn", unit("tap_the_lao_dong_tien_tien", [crec(2025, TOT, total=10, completed=10, ldtt=7)]), "eligible", "Điều 28, khoản 1, điểm c", None),
    ("Điều 28 k1 a: chỉ hoàn thành nhiệm vụ", unit("tap_the_lao_dong_tien_tien", [crec(2025, HT)]), "not_eligible", "Điều 28, khoản 1, điểm a", "k1.a"),
    ("Điều 28 k1 c: 60% đạt LĐTT", unit("tap_the_lao_dong_tien_tien", [crec(2025, TOT, total=10, completed=10, ldtt=6)]), "not_eligible", "Điều 28, khoản 1, điểm c", "k1.c"),
    ("Điều 28 k1 c: có cá nhân bị cảnh cáo", unit("tap_the_lao_dong_tien_tien", [crec(2025, TOT, disciplined=1)]), "not_eligible", "Điều 28, khoản 1, điểm c", "k1.c.ky_luat"),
    ("Điều 28 k1 c: thiếu tổng số cá nhân", unit("tap_the_lao_dong_tien_tien", [crec(2025, TOT, total=None)]), "insufficient", "Điều 28", None),
    # --- tap_the_lao_dong_xuat_sac: Điều 27 ---
    ("Điều 27 k1: đủ tiêu chuẩn", unit("tap_the_lao_dong_xuat_sac", [crec(2025, XS)]), "eligible", "Điều 27, khoản 1, điểm d", None),
    ("Điều 27 k1 a: chỉ hoàn thành tốt", unit("tap_the_lao_dong_xuat_sac", [crec(2025, TOT)]), "not_eligible", "Điều 27, khoản 1, điểm a", "k1.a"),
    ("Điều 27 k1 c: chưa 100% hoàn thành nhiệm vụ", unit("tap_the_lao_dong_xuat_sac", [crec(2025, XS, completed=19)]), "not_eligible", "Điều 27, khoản 1, điểm c", "k1.c"),
    ("Điều 27 k1 d: không có CSTĐCS", unit("tap_the_lao_dong_xuat_sac", [crec(2025, XS, cstdcs=0)]), "not_eligible", "Điều 27, khoản 1, điểm d", "k1.d"),
    ("Điều 27 k1 d: chưa rõ số CSTĐCS", unit("tap_the_lao_dong_xuat_sac", [crec(2025, XS, cstdcs=None)]), "insufficient", "Điều 27", None),
    # --- co_thi_dua_cap_tinh: Điều 26 ---
    ("Điều 26 k1: dẫn đầu cụm, khối", unit("co_thi_dua_cap_tinh", [crec(2025, XS, leads_block=True)]), "eligible", "Điều 26, khoản 1", None),
    ("Điều 26 k1: không dẫn đầu cụm, khối", unit("co_thi_dua_cap_tinh", [crec(2025, XS, leads_block=False)]), "not_eligible", "Điều 26, khoản 1", "tieu_chuan"),
    ("Điều 26 k1: chưa rõ dẫn đầu", unit("co_thi_dua_cap_tinh", [crec(2025, XS, leads_block=None)]), "insufficient", "Điều 26", None),
    ("Điều 26 k2: tổng kết phong trào chuyên đề (nêu claim)", unit("co_thi_dua_cap_tinh", [crec(2025, XS, leads_block=False)], claim="k2"), "eligible", "Điều 26, khoản 2", None),
    ("QĐ 86/2025 Bắc Ninh Điều 3 k1: thêm tiêu chuẩn của tỉnh", unit("co_thi_dua_cap_tinh", [crec(2025, XS, leads_block=True)], regulation=BN), "eligible", "86/2025/QĐ-UBND), Điều 3, khoản 1", None),
]


def _cited(cite: str, conditions: list[dict]) -> bool:
    norm = lambda s: re.sub(r"\s+", " ", s).casefold()
    return any(re.search(re.escape(norm(cite)) + r"(?!\d)", norm(c["citation"])) for c in conditions)


@pytest.mark.parametrize("article,profile,verdict,cite,failed_id", CASES, ids=[c[0] for c in CASES])
def test_article_case(article, profile, verdict, cite, failed_id):
    result = check_eligibility(profile)
    assert result.verdict == verdict, result.summary
    assert _cited(cite, result.conditions), [c["citation"] for c in result.conditions]
    if failed_id:
        assert failed_id in {c["id"] for c in result.top_level() if c["status"] == "failed"}, result.summary


def test_streak_failure_names_missing_year():
    """Issue example: 'Chiến sĩ thi đua cơ sở không liên tục 02 lần: thiếu năm 2024' (Điều 74 k1 d)."""
    profile = person("bang_khen_cap_tinh", [rec(2023, XS, [LDTT, CSTDCS]), rec(2024, TOT, [LDTT]), rec(2025, TOT, [LDTT, CSTDCS], initiatives=[("co_so", 2025)] * 2)], claim="k1.d")
    result = check_eligibility(profile)
    option = next(c for c in result.conditions if c["id"] == "k1.d")
    assert "không liên tục 02 năm" in option["detail"] and "thiếu năm 2024" in option["detail"]


def test_claim_restricts_to_one_option():
    """Điều 74 k1: with a claim only that option is evaluated (others not listed)."""
    profile = person("bang_khen_cap_tinh", [rec(2024, TOT, [LDTT]), rec(2025, TOT, [LDTT])], claim="k1.d")
    result = check_eligibility(profile)
    assert result.verdict == "not_eligible"
    assert {c["id"] for c in result.conditions if c.get("group") == "k1"} == {"k1.d"}


def test_group_assumed_and_layers_reported():
    result = check_eligibility(person("lao_dong_tien_tien", [rec(2025, TOT)]))
    assert any("Chưa khai báo nhóm đối tượng: xét như cán bộ, công chức, viên chức" in n for n in result.notes)
    assert not any(word in " ".join(result.notes) for word in ("can_bo", "not_encoded", ".yaml", "group"))
    assert [l["id"] for l in result.layers] == ["luat-06-2022-QH15", "nd-152-2025-ND-CP"]
    assert "152/2025/NĐ-CP" in result.rules


def test_rule_set_by_period():
    """NĐ 98/2023 + TT 01/2024 until 30/6/2025; NĐ 152/2025 from 01/7/2025."""
    early = check_eligibility(person("lao_dong_tien_tien", [rec(2024, TOT)], year=2024, as_of="2025-06-30"))
    late = check_eligibility(person("lao_dong_tien_tien", [rec(2024, TOT)], year=2024, as_of="2025-07-01"))
    assert [l["id"] for l in early.layers] == ["luat-06-2022-QH15", "nd-98-2023-ND-CP", "tt-01-2024-TT-BNV"]
    assert [l["id"] for l in late.layers] == ["luat-06-2022-QH15", "nd-152-2025-ND-CP"]


def test_before_2024_is_unsupported():
    """Điều 94 Luật 06/2022: in force from 01/01/2024 — no answer under the old law."""
    result = check_eligibility(person("lao_dong_tien_tien", [rec(2023, TOT)], year=2023, as_of="2023-12-20"))
    assert result.verdict == "unsupported" and result.conditions == []
    assert "chưa hỗ trợ" in result.summary.lower() and "15/2003/QH11" in result.summary


def test_agency_layer_not_in_force_is_noted():
    """QĐ 86/2025/QĐ-UBND in force from 15/12/2025."""
    result = check_eligibility(person("giay_khen", [rec(2025, HT)], as_of="2025-12-01", regulation=BN))
    assert result.verdict == "eligible"
    assert any("Không áp dụng" in n and "86/2025" in n for n in result.notes)


def test_maternity_note_cites_decree():
    result = check_eligibility(person("giay_khen", [rec(2025, TOT, months=8, leave=[("thai_san", 4)])]))
    assert any("thai sản" in n and "152/2025/NĐ-CP, Điều 4, khoản 5" in n for n in result.notes)


def test_to_confirm_listed_in_summary():
    result = check_eligibility(person("chien_si_thi_dua_cap_tinh", [rec(y, XS, [LDTT, CSTDCS], initiatives=[("cap_tinh", y)]) for y in (2023, 2024, 2025)]))
    assert result.verdict == "eligible"
    assert "chờ Hội đồng xác nhận" in result.summary
