//! Borders, lakes and the Nagorno-Karabakh outline from `data/`. Owner: window work (issue 4).
