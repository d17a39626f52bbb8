#!/usr/bin/env python3
"""Writes a synthetic nianbao site (content format version 1) for timing builds and serve.

    scripts/make_synthetic_site.py /tmp/synthetic-2000 --reports 2000

The site has --reports editions spread over bureaus of --editions each (annual editions,
plus a first half-year edition every other year), each with data.yaml and a Chinese and an
English narrative of about the sample site's size, using value/change shortcodes and a chart.
Output is deterministic for a given --seed. The folder is replaced if it holds a site
(content/site.yaml); any other non-empty folder is left alone.
"""

import argparse
import os
import random
import shutil
import sys

LANGS = ["zh", "en"]

CATEGORIES = [
    ("business", "营商环境", "Business environment"),
    ("food", "食品安全", "Food safety"),
    ("enforcement", "执法办案", "Law enforcement"),
    ("consumer", "消费维权", "Consumer protection"),
]

# id, category, zh name, en name, zh unit, en unit, kind, better, typical value
INDICATORS = [
    ("market_entities_total", "business", "市场主体实有户数", "Registered market entities",
     "户", "entities", "count", "higher", 300000),
    ("enterprises_total", "business", "企业实有户数", "Registered enterprises",
     "户", "enterprises", "count", "higher", 80000),
    ("market_entities_new", "business", "新设立市场主体", "Newly registered market entities",
     "户", "entities", "count", "higher", 40000),
    ("registered_capital_new", "business", "新增注册资本", "New registered capital",
     "亿元", "100 million yuan", "amount", "higher", 450.0),
    ("food_sampling_batches", "food", "食品抽检批次", "Food sampling batches",
     "批次", "batches", "count", "neutral", 11000),
    ("food_sampling_pass_rate", "food", "食品抽检合格率", "Food sampling pass rate",
     "%", "%", "rate", "higher", 97.5),
    ("cases_filed", "enforcement", "立案查处案件", "Cases filed",
     "件", "cases", "count", "neutral", 950),
    ("fines_confiscations", "enforcement", "罚没金额", "Fines and confiscations",
     "万元", "10,000 yuan", "amount", "neutral", 720.0),
    ("complaints_received", "consumer", "受理投诉举报", "Complaints received",
     "件", "complaints", "count", "lower", 10000),
    ("mediation_success_rate", "consumer", "调解成功率", "Mediation success rate",
     "%", "%", "rate", "higher", 78.0),
]

LEVELS = ["province", "city", "county", "district"]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def yaml_text(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def site_yaml():
    return (
        "title: {zh: 合成测试站点, en: Synthetic test site}\n"
        "languages: [zh, en]\n"
        "theme: default\n"
        "description: {zh: 用于计时的合成站点，数据均为随机生成。, "
        "en: A synthetic site for timing; every figure is random.}\n"
    )


def indicators_yaml():
    out = ["categories:\n"]
    for cid, zh, en in CATEGORIES:
        out.append(f"  - id: {cid}\n    name: {{zh: {zh}, en: {yaml_text(en)}}}\n")
    out.append("indicators:\n")
    for iid, cat, zh, en, uzh, uen, kind, better, _ in INDICATORS:
        out.append(
            f"  - id: {iid}\n    category: {cat}\n"
            f"    name: {{zh: {zh}, en: {yaml_text(en)}}}\n"
            f"    unit: {{zh: {yaml_text(uzh)}, en: {yaml_text(uen)}}}\n"
            f"    kind: {kind}\n    better: {better}\n")
    return "".join(out)


def bureau_ids(count):
    """(id, level, parent, index): one province, a tenth cities, the rest counties/districts."""
    out = [("bureau-0000", "province", None, 0)]
    cities = max(1, (count - 1) // 10)
    for i in range(1, count):
        if i <= cities:
            out.append((f"bureau-{i:04d}", "city", "bureau-0000", i))
        else:
            parent = f"bureau-{1 + (i % cities):04d}"
            out.append((f"bureau-{i:04d}", LEVELS[2 + i % 2], parent, i))
    return out


def bureau_yaml(bid, level, parent, index):
    zh_level = {"province": "省", "city": "市", "county": "县", "district": "区"}[level]
    lines = [
        f"name: {{zh: 合成{index}{zh_level}市场监督管理局, "
        f"en: {yaml_text(f'Synthetic {level} {index} Administration for Market Regulation')}}}\n",
        f"short: {{zh: 合成{index}{zh_level}局, en: {yaml_text(f'Synthetic {index}')}}}\n",
        f"level: {level}\n",
    ]
    if parent:
        lines.append(f"parent: {parent}\n")
    lines.append(f"order: {index}\n")
    return "".join(lines)


def edition_names(count):
    """count editions: annual ones from 2023 backwards, an h1 edition every other year."""
    out = []
    year = 2023
    while len(out) < count:
        out.append(str(year))
        if len(out) < count and year % 2 == 0:
            out.append(f"{year}-h1")
        year -= 1
    return out


def value_for(rng, ind, edition_index):
    _, _, _, _, _, _, kind, _, typical = ind
    roll = rng.random()
    if roll < 0.02:
        return "withheld"
    if roll < 0.04:
        return "null"
    if kind == "rate":
        return f"{min(100.0, max(0.0, typical + rng.uniform(-3, 2))):.1f}"
    scale = (1.0 + 0.03 * edition_index) * rng.uniform(0.8, 1.2)
    if kind == "amount":
        return f"{typical * scale:.2f}"
    return str(int(typical * scale))


def data_yaml(rng, edition_index):
    lines = ["values:\n"]
    for ind in INDICATORS:
        lines.append(f"  {ind[0]}: {value_for(rng, ind, edition_index)}\n")
    return "".join(lines)


ZH_FILLER = ("全面落实各项决策部署，统筹推进疫情防控和经济社会发展，持续强弱项、补短板，"
             "夯基础、强监管，保安全、促发展，各项工作取得新成效，较好完成了年度目标任务。")
EN_FILLER = ("The bureau carried out the decisions of the year in full, strengthened weak areas, "
             "tightened supervision and kept markets safe, and met its targets for the period. ")


def narrative(lang, bureau_index, edition, rng):
    title = (f"合成{bureau_index}局{edition}工作报告" if lang == "zh"
             else f"Work report {edition} of synthetic bureau {bureau_index}")
    out = [f"---\ntitle: {yaml_text(title)}\n"]
    out.append(f"summary: {yaml_text(ZH_FILLER[:40] if lang == 'zh' else EN_FILLER[:90])}\n---\n")
    for section, ind in enumerate(rng.sample(INDICATORS, 4), start=1):
        iid = ind[0]
        if lang == "zh":
            out.append(f"\n## {section}、{ind[2]}\n\n")
            out.append(f"本期{ind[2]}为{{{{< value {iid} >}}}}，比上期{{{{< change {iid} >}}}}。"
                       + ZH_FILLER * 6 + "\n")
        else:
            out.append(f"\n## {section}. {ind[3]}\n\n")
            out.append(f"{ind[3]} stood at {{{{< value {iid} >}}}}, "
                       f"{{{{< change {iid} >}}}} on the previous edition. " + EN_FILLER * 6 + "\n")
        if section == 1:
            out.append(f"\n```chart\nindicators: [{iid}]\ntype: line\n```\n")
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="site folder to write (e.g. /tmp/synthetic-2000)")
    parser.add_argument("--reports", type=int, default=2000, help="number of editions")
    parser.add_argument("--editions", type=int, default=10, help="editions per bureau")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.reports < 1 or args.editions < 1:
        sys.exit("--reports and --editions must be at least 1")

    if os.path.exists(args.out) and os.listdir(args.out):
        if not os.path.exists(os.path.join(args.out, "content", "site.yaml")):
            sys.exit(f"{args.out} exists and is not a site folder; not replacing it")
        shutil.rmtree(args.out)
    rng = random.Random(args.seed)
    content = os.path.join(args.out, "content")
    write(os.path.join(content, "site.yaml"), site_yaml())
    write(os.path.join(content, "indicators.yaml"), indicators_yaml())
    for lang, text in (("zh", "## 关于本站\n\n合成站点，仅用于计时。\n"),
                       ("en", "## About\n\nA synthetic site, for timing only.\n")):
        title = "关于" if lang == "zh" else "About"
        write(os.path.join(content, "pages", f"about.{lang}.md"),
              f"---\ntitle: {title}\n---\n{text}")

    bureaus = bureau_ids((args.reports + args.editions - 1) // args.editions)
    written = 0
    for bid, level, parent, index in bureaus:
        write(os.path.join(content, "bureaus", f"{bid}.yaml"), bureau_yaml(bid, level, parent, index))
        editions = edition_names(min(args.editions, args.reports - written))
        for edition_index, edition in enumerate(reversed(editions)):
            folder = os.path.join(content, "reports", bid, edition)
            write(os.path.join(folder, "data.yaml"), data_yaml(rng, edition_index))
            for lang in LANGS:
                write(os.path.join(folder, f"report.{lang}.md"),
                      narrative(lang, index, edition, rng))
        written += len(editions)
    print(f"{args.out}: {len(bureaus)} bureaus, {written} reports", file=sys.stderr)


if __name__ == "__main__":
    main()
