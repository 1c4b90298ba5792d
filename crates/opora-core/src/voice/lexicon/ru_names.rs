//! Russian first names and patronymics in the cases a request puts them in: «перевести Ольге»,
//! «для Нины Петровны», «Диму». Saved people's names come from the bank's data, so they are
//! declined by their endings rather than listed.

/// The forms of a name as a request puts it: nominative, genitive, dative, accusative,
/// instrumental. A name of several words (a first name and patronymic) declines word by word,
/// and the first name alone is also accepted.
pub fn name_forms(name: &str) -> Vec<Vec<String>> {
    let words = crate::voice::text::tokens(name);
    let declined: Vec<Vec<String>> = words.iter().map(|w| cases(w)).collect();
    let mut out: Vec<Vec<String>> = Vec::new();
    for case in 0..5 {
        let form: Vec<String> = declined
            .iter()
            .map(|forms| {
                forms
                    .get(case)
                    .or(forms.first())
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        if !out.contains(&form) {
            out.push(form);
        }
        if words.len() > 1
            && let Some(first) = declined.first().and_then(|f| f.get(case).or(f.first()))
        {
            let alone = vec![first.clone()];
            if !out.contains(&alone) {
                out.push(alone);
            }
        }
    }
    out
}

/// One word in five cases, by its ending. Names that do not decline (ending in a vowel other
/// than а/я) give themselves.
fn cases(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let Some(&last) = chars.last() else {
        return Vec::new();
    };
    let stem: String = chars[..chars.len() - 1].iter().collect();
    let before = chars
        .len()
        .checked_sub(2)
        .and_then(|i| chars.get(i))
        .copied();
    let hushing = |c: Option<char>| matches!(c, Some('г' | 'к' | 'х' | 'ж' | 'ш' | 'ч' | 'щ'));
    let endings: [&str; 5] = match last {
        'я' if before == Some('и') => ["я", "и", "и", "ю", "ей"],
        'я' => ["я", "и", "е", "ю", "ей"],
        'а' if hushing(before) => ["а", "и", "е", "у", "ой"],
        'а' => ["а", "ы", "е", "у", "ой"],
        'й' => ["й", "я", "ю", "я", "ем"],
        'ь' => ["ь", "я", "ю", "я", "ем"],
        c if "бвгджзклмнпрстфхцчшщ".contains(c) => {
            return vec![
                word.to_string(),
                format!("{word}а"),
                format!("{word}у"),
                format!("{word}а"),
                format!("{word}ом"),
            ];
        }
        _ => return vec![word.to_string()],
    };
    endings.iter().map(|e| format!("{stem}{e}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(name: &str) -> Vec<String> {
        name_forms(name).into_iter().map(|f| f.join(" ")).collect()
    }

    #[test]
    fn russian_names_decline() {
        let olga = forms("Ольга");
        for form in ["ольга", "ольге", "ольгу", "ольги", "ольгой"] {
            assert!(olga.contains(&form.to_string()), "{form}: {olga:?}");
        }
        let nina = forms("Нина Петровна");
        for form in ["нина петровна", "нине петровне", "нине", "нину"]
        {
            assert!(nina.contains(&form.to_string()), "{form}: {nina:?}");
        }
        assert!(forms("Дмитрий").contains(&"дмитрию".to_string()));
        assert!(forms("Иван").contains(&"ивану".to_string()));
        assert!(forms("Мария").contains(&"марии".to_string()));
        assert!(forms("Игорь").contains(&"игорю".to_string()));
        assert!(forms("Катя").contains(&"кате".to_string()));
        assert_eq!(forms("Дима").len(), 5);
    }
}
