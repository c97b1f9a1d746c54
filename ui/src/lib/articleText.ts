// How an article's text is shown and edited: "• " paragraphs read as bullet lists, a section's
// paragraphs are edited as one text with blank lines between them, and field errors from the
// backend find their input.
import type { Article, ArticleDraft, FieldProblem } from "./api/types";

export type ParagraphGroup = { kind: "text"; text: string } | { kind: "bullets"; items: string[] };

const BULLET = "• ";

/** Runs of paragraphs starting with "• " become one bullet list each; the rest stay paragraphs. */
export function groupParagraphs(paragraphs: readonly string[]): ParagraphGroup[] {
  const groups: ParagraphGroup[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.startsWith(BULLET)) {
      const item = paragraph.slice(BULLET.length).trim();
      const last = groups.at(-1);
      if (last?.kind === "bullets") last.items.push(item);
      else groups.push({ kind: "bullets", items: [item] });
    } else {
      groups.push({ kind: "text", text: paragraph });
    }
  }
  return groups;
}

/** A section's paragraphs as one editable text, a blank line between paragraphs. */
export function paragraphsToText(paragraphs: readonly string[]): string {
  return paragraphs.join("\n\n");
}

/** Back from the edited text: blank lines separate paragraphs; empty ones are dropped. */
export function textToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

/** The article as the editor holds it: section texts instead of paragraph lists. */
export type ArticleEdit = {
  title: string;
  series: string;
  tagline: string;
  tags: string[];
  callToAction: string;
  source: string;
  published: string;
  sections: { heading: string; text: string }[];
};

/** What an article, her edit of it and the draft sent back share, apart from the sections. */
type ArticleHead = Omit<ArticleEdit, "sections">;

function copyHead(from: ArticleHead): ArticleHead {
  return {
    title: from.title,
    series: from.series,
    tagline: from.tagline,
    tags: [...from.tags],
    callToAction: from.callToAction,
    source: from.source,
    published: from.published,
  };
}

export function toArticleEdit(article: Article): ArticleEdit {
  return {
    ...copyHead(article),
    sections: article.sections.map((section) => ({
      heading: section.heading,
      text: paragraphsToText(section.paragraphs),
    })),
  };
}

export function fromArticleEdit(edit: ArticleEdit): ArticleDraft {
  return {
    ...copyHead(edit),
    status: "published",
    notes: [],
    sections: edit.sections.map((section) => ({
      heading: section.heading,
      paragraphs: textToParagraphs(section.text),
    })),
  };
}

/**
 * The input a field error belongs to: `input.title` → `title`, and any paragraph of section 1
 * (`sections[1].paragraphs[3]`) → `sections[1].text`, the one box that holds them.
 */
export function editField(field: string): string {
  const name = field.replace(/^(input|draft)\./, "");
  const paragraphs = /^(sections\[\d+\])\.paragraphs\b/.exec(name);
  return paragraphs === null ? name : `${paragraphs[1]}.text`;
}

/** The first reason given for each editor input. */
export function editErrors(fields: readonly FieldProblem[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const problem of fields) {
    const name = editField(problem.field);
    if (!result.has(name)) result.set(name, problem.reason);
  }
  return result;
}
