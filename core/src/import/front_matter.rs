//! Front matter at the top of a static-site blog post: YAML between `---` lines (Jekyll,
//! Hexo, Hugo), YAML closed by `---` with no opening line (Hexo accepts it), or TOML between
//! `+++` lines (Hugo). Only what an article needs is kept: title, date, tags, categories.

/// What the front matter says about the post.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: String,
    /// `YYYY-MM-DD`, or empty.
    pub date: String,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    /// Hugo's `series` taxonomy, when the post names one.
    pub series: String,
}

/// Keys that show a block of `key: value` lines is front matter and not the article.
const KNOWN_KEYS: &[&str] = &["title", "date", "tags", "categories", "layout", "author"];

/// The front matter and the rest of the post, or `None` when the post has none.
pub fn split(content: &str) -> Option<(FrontMatter, &str)> {
    let content = content.strip_prefix('\u{FEFF}').unwrap_or(content);
    let mut lines = line_spans(content);
    let (first_start, first_end) = lines.next()?;
    let first = content[first_start..first_end].trim_end();
    if first == "---" || first == "+++" {
        let close = lines.find(|&(s, e)| {
            let l = content[s..e].trim_end();
            l == first || (first == "---" && l == "...")
        })?;
        let inner = &content[first_end..close.0];
        let body = &content[close.1..];
        let matter = if first == "+++" {
            from_toml(inner)?
        } else {
            from_yaml(inner)?
        };
        return Some((matter, body));
    }
    // Hexo: `key: value` lines up to a `---` line, with no opening `---`.
    let mut keys = Vec::new();
    for (s, e) in line_spans(content).take(60) {
        let line = content[s..e].trim_end();
        if line == "---" {
            if !keys
                .iter()
                .any(|k: &String| KNOWN_KEYS.contains(&k.as_str()))
            {
                return None;
            }
            let matter = from_yaml(&content[..s])?;
            return Some((matter, &content[e..]));
        }
        if line.is_empty() || line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let key = line.split_once(':')?.0;
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        keys.push(key.to_lowercase());
    }
    None
}

/// (start, end) byte offsets of each line, its line break included in `end`.
fn line_spans(content: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= content.len() {
            return None;
        }
        let end = content[start..]
            .find('\n')
            .map_or(content.len(), |i| start + i + 1);
        let span = (start, end);
        start = end;
        Some(span)
    })
}

fn from_yaml(text: &str) -> Option<FrontMatter> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(text).ok()?;
    let doc = docs.into_iter().next().unwrap_or(Yaml::Null);
    if !matches!(doc, Yaml::Hash(_) | Yaml::Null) {
        return None;
    }
    let scalar = |y: &Yaml| match y {
        Yaml::String(s) | Yaml::Real(s) => s.trim().to_owned(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    };
    let list = |y: &Yaml| match y {
        Yaml::Array(items) => items
            .iter()
            .flat_map(|i| match i {
                // Hexo writes a category hierarchy as a nested list.
                Yaml::Array(inner) => inner.iter().map(scalar).collect(),
                other => vec![scalar(other)],
            })
            .collect(),
        other => words(&scalar(other)),
    };
    // Jekyll also takes one `category`.
    let mut categories = list(&doc["categories"]);
    categories.extend(list(&doc["category"]));
    Some(FrontMatter {
        title: scalar(&doc["title"]),
        date: iso_date(&scalar(&doc["date"])),
        tags: clean(list(&doc["tags"])),
        categories: clean(categories),
        series: clean(list(&doc["series"]))
            .into_iter()
            .next()
            .unwrap_or_default(),
    })
}

fn from_toml(text: &str) -> Option<FrontMatter> {
    let table: toml::Table = text.parse().ok()?;
    let scalar = |v: Option<&toml::Value>| match v {
        Some(toml::Value::String(s)) => s.trim().to_owned(),
        Some(toml::Value::Datetime(d)) => d.to_string(),
        Some(toml::Value::Integer(i)) => i.to_string(),
        Some(toml::Value::Float(f)) => f.to_string(),
        _ => String::new(),
    };
    let list = |v: Option<&toml::Value>| match v {
        Some(toml::Value::Array(items)) => items.iter().map(|i| scalar(Some(i))).collect(),
        other => words(&scalar(other)),
    };
    Some(FrontMatter {
        title: scalar(table.get("title")),
        date: iso_date(&scalar(table.get("date"))),
        tags: clean(list(table.get("tags"))),
        categories: clean(list(table.get("categories"))),
        series: clean(list(table.get("series")))
            .into_iter()
            .next()
            .unwrap_or_default(),
    })
}

/// Jekyll allows tags as one string: comma-separated, or else space-separated.
fn words(s: &str) -> Vec<String> {
    if s.contains(',') {
        s.split(',').map(str::to_owned).collect()
    } else {
        s.split_whitespace().map(str::to_owned).collect()
    }
}

fn clean(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim().to_owned();
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The day of a front-matter date ("2017-04-12 10:14:00 +0200", "2019-02-28T20:05:00Z",
/// "2014-3-7", Hexo's "2013/7/13 20:46:25"), as `YYYY-MM-DD`; empty when it is not a date.
pub fn iso_date(value: &str) -> String {
    let day = value
        .trim()
        .trim_matches(['"', '\''])
        .split(['T', ' '])
        .next()
        .unwrap_or("");
    ["%Y-%m-%d", "%Y/%m/%d"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(day, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_between_dashes() {
        let post = "---\nlayout: post\ntitle:  \"Welcome to Jekyll!\"\ndate:   2015-11-28 11:21:15 +0100\ncategories: jekyll update\ntags: [AIP, \"gut healing\"]\n---\nYou’ll find this post.\n";
        let (m, body) = split(post).unwrap();
        assert_eq!(m.title, "Welcome to Jekyll!");
        assert_eq!(m.date, "2015-11-28");
        assert_eq!(m.categories, ["jekyll", "update"]);
        assert_eq!(m.tags, ["AIP", "gut healing"]);
        assert_eq!(body, "You’ll find this post.\n");
    }

    #[test]
    fn toml_between_pluses() {
        let post = "+++\r\ntitle = \"Sleep & MS\"\r\ndate = 2019-03-11T10:00:00-05:00\r\ntags = [\"sleep\", \"rest\"]\r\ncategories = [\"MSMonday\"]\r\n+++\r\n\r\nBody.\r\n";
        let (m, body) = split(post).unwrap();
        assert_eq!(m.title, "Sleep & MS");
        assert_eq!(m.date, "2019-03-11");
        assert_eq!(m.tags, ["sleep", "rest"]);
        assert_eq!(m.categories, ["MSMonday"]);
        assert_eq!(body.trim(), "Body.");
    }

    #[test]
    fn hexo_without_the_opening_dashes() {
        let post = "title: Hello World\ndate: 2013/7/13 20:46:25\ntags:\n- first\n- hexo\ncategories:\n- [Diary, Life]\n---\nWelcome to Hexo!\n";
        let (m, body) = split(post).unwrap();
        assert_eq!(m.title, "Hello World");
        assert_eq!(m.date, "2013-07-13");
        assert_eq!(m.tags, ["first", "hexo"]);
        assert_eq!(m.categories, ["Diary", "Life"]);
        assert_eq!(body, "Welcome to Hexo!\n");
    }

    #[test]
    fn an_article_is_not_mistaken_for_front_matter() {
        assert!(split("MSMonday: Leaky gut\n---\nText").is_none());
        assert!(split("# Title\n\nSome text: more text.\n\n---\n\nMore.").is_none());
        assert!(split("Plain words\n\nMore words.").is_none());
        // An opening line with no closing one is a thematic break, not front matter.
        assert!(split("---\ntitle: x\nno end").is_none());
    }

    #[test]
    fn dates_in_the_forms_generators_write() {
        assert_eq!(iso_date("2017-04-12 10:14:00 +0200"), "2017-04-12");
        assert_eq!(iso_date("2019-02-28T20:05:00Z"), "2019-02-28");
        assert_eq!(iso_date("2014-3-7"), "2014-03-07");
        assert_eq!(iso_date("'2014-03-07'"), "2014-03-07");
        assert_eq!(iso_date("last week"), "");
    }
}
