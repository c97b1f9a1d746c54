//! A realistic three-page handout for tests and the benchmark, written for CoachDesk (no
//! real article text). Shared with benches/handouts.rs through `#[path]`.

use super::{Block, Brand, Handout, Paper, Span};

fn t(s: &str) -> Span {
    Span {
        text: s.to_string(),
        emphasis: false,
        strong: false,
    }
}

fn em(s: &str) -> Span {
    Span {
        text: s.to_string(),
        emphasis: true,
        strong: false,
    }
}

fn strong(s: &str) -> Span {
    Span {
        text: s.to_string(),
        emphasis: false,
        strong: true,
    }
}

fn p(spans: Vec<Span>) -> Block {
    Block::Paragraph(spans)
}

fn h(s: &str) -> Block {
    Block::Heading(s.to_string())
}

pub(crate) const LOGO_PNG: &[u8] = include_bytes!("testdata/logo.png");

pub(crate) fn brand(paper: Paper) -> Brand {
    Brand {
        practice_name: "Rooted & Well Nutrition".into(),
        tagline: "Food, lifestyle and mindset coaching for women living with MS".into(),
        coach_line: "Marie-Ève Laurent, FNTP".into(),
        contact_line: "hello@rootedandwell.example · (514) 555-0142 · rootedandwell.example".into(),
        booking_url: "https://rootedandwell.example/book".into(),
        brand_color: "#2F6F62".into(),
        logo_png_or_jpeg: Some(LOGO_PNG.to_vec()),
        paper,
        disclaimer: "This handout is for education and coaching only. It is not medical advice \
                     and does not replace the care of your doctor or neurologist. Please talk \
                     with your healthcare team before changing your diet, medications or \
                     supplements — especially your disease-modifying therapy."
            .into(),
    }
}

pub(crate) fn leaky_gut(paper: Paper) -> Handout {
    let brand = brand(paper);
    let disclaimer = brand.disclaimer.clone();
    Handout {
        title: "#MSMonday: Leaky Gut, Where Does Healing Begin?".into(),
        prepared_for: Some("Renée Côté".into()),
        date_label: "24 November 2026".into(),
        author: "Marie-Ève Laurent, FNTP".into(),
        brand,
        blocks: vec![
            p(vec![
                t("Renée, it was a joy to talk with you on Tuesday. As promised, here are the \
                   notes we went through together — the “why” behind gut healing, the foods we \
                   will lean on first, and the three small steps "),
                em("you"),
                t(" chose for the next two weeks. Read it slowly, with a cup of tea, and mark \
                   anything you want to talk about next time."),
            ]),
            h("What does “leaky gut” actually mean?"),
            p(vec![
                t("The lining of your small intestine is a single layer of cells, held together \
                   by tiny seals called tight junctions. When everything works well, those seals \
                   open just enough to let nutrients through and keep everything else out. When \
                   the lining is irritated — by stress, poor sleep, infections, some medications \
                   or foods that don’t suit you — the seals loosen. Researchers call this "),
                em("increased intestinal permeability"),
                t("; most of us simply say “leaky gut”."),
            ]),
            p(vec![t(
                "Larger fragments of food and bacteria can then slip into the bloodstream, where \
                 the immune system notices them and reacts. One reaction is harmless. A reaction \
                 that happens three times a day, every day, keeps the immune system on high alert, \
                 and that is the part we care about when we talk about autoimmunity.",
            )]),
            p(vec![t(
                "The good news: the gut lining renews itself every few days. Give it what it \
                 needs, take away what irritates it, and it can start to repair surprisingly \
                 quickly. Healing is not a straight line, but it is a real, physical process that \
                 you can support at every meal.",
            )]),
            h("Why it matters when you live with MS"),
            p(vec![t(
                "Multiple Sclerosis is an autoimmune condition: the immune system mistakenly \
                 targets the protective coating around nerves. We can’t yet say that a leaky gut \
                 causes MS, and I will never promise that food cures it. What we do know is that \
                 the gut and the immune system talk to each other constantly, and that many women \
                 with MS feel calmer, steadier and less fatigued when their digestion settles.",
            )]),
            p(vec![
                t("So we are not chasing a cure. We are lowering the background noise, so that \
                   your body has more energy left for the things that matter to you — your work, \
                   your family, your walks by the river. As you said on our call, "),
                t("‘I want to feel like myself again.’"),
                t(" That is exactly the goal."),
            ]),
            h("Foods to enjoy on the Autoimmune Protocol"),
            p(vec![t(
                "The Autoimmune Protocol (AIP) is an elimination diet followed by careful \
                 reintroductions. For the first phase we fill your plate with nourishing foods \
                 and set aside the ones most likely to irritate the gut. Here is where to start:",
            )]),
            Block::Bullets(vec![
                vec![strong("Vegetables of every colour"), t(" — aim for six to eight cups a day, cooked or raw, including leafy greens, root vegetables and something from the onion family.")],
                vec![strong("Quality protein"), t(" at each meal: wild fish, pasture-raised poultry, grass-fed beef or lamb, and organ meats if you can enjoy them.")],
                vec![strong("Healthy fats"), t(": olive oil, avocado, coconut and the fat from well-raised animals.")],
                vec![strong("Gut-soothing extras"), t(" such as bone broth, fermented vegetables (start with a forkful) and collagen-rich cuts.")],
            ]),
            h("Foods to set aside for now"),
            p(vec![
                t("For roughly thirty to ninety days we pause grains, legumes, dairy, eggs, nuts, \
                   seeds, nightshades (tomatoes, peppers, potatoes and eggplant), refined sugar, \
                   alcohol and food additives. This is "),
                strong("not forever"),
                t(". It is an experiment that tells us, food by food, what your body loves and \
                   what it would rather do without."),
            ]),
            p(vec![t(
                "It helps to think in terms of adding rather than removing. Before you take \
                 anything off your plate, make sure you have three breakfasts, three lunches and \
                 three dinners you genuinely like. When you are hungry and tired, the easiest \
                 meal should also be an AIP meal.",
            )]),
            h("A word on mindset"),
            p(vec![t(
                "Changing how you eat is as much about patience as it is about food. Some days \
                 you will feel wonderful; some days your symptoms will flare for reasons that have \
                 nothing to do with what you ate. Neither kind of day defines your progress. We \
                 will look at trends over weeks, not moments, and we will celebrate every small \
                 win — a good night’s sleep, a calmer tummy, a walk that felt easy.",
            )]),
            p(vec![t(
                "Be kind to yourself when you slip. A meal off-plan is information, not failure: \
                 notice how you feel over the following two days, write it down, and return to \
                 your plan at the next meal. There is nothing to make up for and nothing to undo.",
            )]),
            Block::Checklist {
                title: "Your next steps".into(),
                items: vec![
                    "Write down three AIP breakfasts you enjoy and shop for them this weekend."
                        .into(),
                    "Drink a mug of warm bone broth every afternoon, around 3 pm.".into(),
                    "Keep a simple food and symptom journal for fourteen days — energy, sleep, \
                     digestion and mood, each rated from 0 to 10."
                        .into(),
                ],
            },
            Block::CallToAction {
                text: "Questions before our next session, or know a friend who could use some \
                       support? I’d love to hear from you."
                    .into(),
                label: "Book a free consult call".into(),
                url: "https://rootedandwell.example/book".into(),
            },
            Block::Disclaimer(disclaimer),
        ],
        compact: false,
    }
}

/// A photo-like picture: smooth gradients with grain, which compresses as badly as a photo
/// does (a realistic large logo for tests and the benchmark).
pub(crate) fn photo_like(w: u32, h: u32) -> image::RgbImage {
    let mut seed = 0x2545_f491_u32;
    image::RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 48) as u8;
        image::Rgb([
            (x * 200 / w) as u8 + grain,
            (y * 180 / h) as u8 + grain,
            ((x + y) * 90 / (w + h)) as u8 + grain,
        ])
    })
}
