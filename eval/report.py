"""Write an evaluation as JSON, Markdown and PNG charts."""

from __future__ import annotations

from pathlib import Path

from eval.runner import EvalReport, Figures

COLUMNS = ("questions", "answer_hit1", "hit1", "hit3", "hit5", "mrr", "ndcg5", "fact_accuracy", "short_fact_accuracy",
           "answered", "extra_article")


def _row(label: str, f: Figures) -> str:
    return f"| {label} | {f.questions} | " + " | ".join(f"{getattr(f, c):.3f}" for c in COLUMNS[1:]) + " |"


def figures_table(rows: dict[str, Figures], first: str) -> str:
    head = f"| {first} | " + " | ".join(COLUMNS) + " |\n|" + "---|" * (len(COLUMNS) + 1)
    return "\n".join([head] + [_row(k, v) for k, v in rows.items()])


def markdown(report: EvalReport) -> str:
    oos = report.out_of_scope
    lines = [
        f"# Evaluation: {report.name}",
        "",
        "Ranking figures (hit@k, MRR, nDCG@5) are over article ids; fact accuracy means the answer (or, for",
        "internal questions, the agent's internal notes) holds every required string.",
        "",
        "## Headline (answerable questions: not out-of-scope, not internal)",
        "",
        figures_table({"answerable": report.overall}, "set"),
        "",
        f"- Out-of-scope questions: {int(oos['questions'])}, refused {oos['refused']:.3f}, "
        f"wrongly answered {oos['wrongly_answered']:.3f}",
        f"- Answerable questions refused: {oos['answerable_refused']:.3f}",
        f"- Internal-text leaks on public channels: {report.internal_leaks}",
        f"- Cross-channel consistency: {report.consistency:.3f}",
        f"- Latency of one answer: p50 {report.latency_ms['p50']:.1f} ms, p95 {report.latency_ms['p95']:.1f} ms",
        "",
        "## Per kind",
        "",
        figures_table(report.by_kind, "kind"),
        "",
        "## Per channel",
        "",
        figures_table(report.by_channel, "channel"),
        "",
    ]
    misses = [o for o in report.outcomes if o.facts_ok is False][:25]
    if misses:
        lines += ["## First answers missing a required fact", "",
                  "| id | kind | status | ranked |", "|---|---|---|---|"]
        lines += [f"| {o.id} | {o.kind} | {o.status} | {', '.join(o.ranked[:3])} |" for o in misses]
    return "\n".join(lines) + "\n"


def charts(report: EvalReport, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = []
    for name, rows in (("by_kind", report.by_kind), ("by_channel", report.by_channel)):
        fig, ax = plt.subplots(figsize=(8, 4))
        labels = list(rows)
        width = 0.27
        for i, metric in enumerate(("answer_hit1", "hit5", "fact_accuracy")):
            ax.bar([x + (i - 1) * width for x in range(len(labels))], [getattr(rows[k], metric) for k in labels],
                   width, label=metric)
        ax.set_xticks(range(len(labels)), labels, rotation=20)
        ax.set_ylim(0, 1.05)
        ax.set_title(f"{report.name}: {name.replace('_', ' ')}")
        ax.legend(loc="lower right")
        fig.tight_layout()
        path = out / f"{name}.png"
        fig.savefig(path, dpi=100)
        plt.close(fig)
        paths.append(path)
    return paths


def write_report(report: EvalReport, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(report.to_json(), encoding="utf-8")
    (out / "report.md").write_text(markdown(report), encoding="utf-8")
    return [out / "report.json", out / "report.md", *charts(report, out)]


def comparison_markdown(reports: list[EvalReport]) -> str:
    keys = ("answer_hit1", "hit1", "hit5", "mrr", "fact_accuracy", "answerable_refused", "oos_refused",
            "internal_leaks", "consistency")
    head = "| configuration | " + " | ".join(keys) + " | p50 ms |\n|" + "---|" * (len(keys) + 2)
    rows = [f"| {r.name} | " + " | ".join(f"{r.headline()[k]:.3f}" for k in keys) + f" | {r.latency_ms['p50']:.1f} |"
            for r in reports]
    return "\n".join([head, *rows]) + "\n"


def comparison_chart(reports: list[EvalReport], out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    keys = ("hit1", "hit5", "fact_accuracy", "oos_refused")
    fig, ax = plt.subplots(figsize=(11, 4))
    width = 0.8 / len(reports)
    for i, report in enumerate(reports):
        ax.bar([x + i * width for x in range(len(keys))], [report.headline()[k] for k in keys], width,
               label=report.name)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(keys))], keys)
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    path = out / "compare.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
