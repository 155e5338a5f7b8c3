// Owns the word lists behind name detection: frequent given names in France, words that are never names, and surnames
// that are also ordinary words.

/**
 * Frequent given names in France (INSEE births 1940–2020, including names of North-African, Portuguese and West-African
 * origin common among members). Used only to recognise "Prénom Nom" written without a civility; never alone.
 * Ambiguous words ("France", "Rose", "Ange") are left out on purpose.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    "Aaron Abdel Abdallah Abdelkader Abdoulaye Adam Adama Adèle Adeline Adrien Agathe Agnès Ahmed Aicha Aïcha Aïssa Alain " +
    "Alban Albert Alexandra Alexandre Alexandrine Alexis Alfred Ali Alice Aline Alix Amandine Amaury Ambre Amélie Amina " +
    "Amine Anaïs Anatole André Andrée Andréa Ange-Marie Angèle Angélique Anne Annabelle Anne-Laure Anne-Marie Anne-Sophie " +
    "Annick Annie Antoine Antonin Apolline Arnaud Arthur Audrey Augustin Aurélie Aurélien Axel Aya Aymeric Baptiste " +
    "Barbara Bastien Béatrice Benjamin Benoît Bernadette Bernard Bertrand Blandine Brigitte Bruno Camille Capucine " +
    "Carine Carole Caroline Catherine Cécile Céline Chantal Charles Charlotte Chloé Christian Christiane Christine " +
    "Christophe Claire Clara Clarisse Claude Claudine Clémence Clément Colette Coralie Corentin Cyril Cyrille Damien " +
    "Daniel Danielle Dany David Delphine Denis Denise Diane Didier Dimitri Djamel Dominique Dylan Édith Edouard Édouard " +
    "Éléonore Élise Élisabeth Elisabeth Élodie Elodie Éloïse Émile Émilie Emilie Emma Emmanuel Emmanuelle Enzo Éric Eric " +
    "Ernest Estelle Étienne Eugène Eva Évelyne Fabien Fabienne Fabrice Farid Fatima Fatoumata Félix Fernand Fernande " +
    "Fernando Florence Florian Francine Francis Franck François Françoise Frédéric Frédérique Gabriel Gabrielle Gaël " +
    "Gaëlle Gaétan Gaston Geneviève Georges Gérald Gérard Germaine Ghislaine Gilbert Gilles Ginette Gisèle Grégoire " +
    "Grégory Guillaume Guy Hamid Hassan Hélène Henri Hervé Hocine Hugo Hugues Inès Irène Isabelle Jacqueline Jacques " +
    "Jade Jean Jean-Baptiste Jean-Claude Jean-François Jean-Jacques Jean-Louis Jean-Luc Jean-Marc Jean-Marie " +
    "Jean-Michel Jean-Paul Jean-Philippe Jean-Pierre Jeanne Jeannine Jérémy Jérôme Joao João Jocelyne Joël Joëlle " +
    "Jonathan Jordan Joseph Josette Josiane Judith Jules Julia Julie Julien Juliette Justine Karim Karima Kevin Kévin " +
    "Khadija Laetitia Laëtitia Laura Laure Laurence Laurent Léa Léna Léo Léon Léonie Leïla Leila Liliane Lina Lionel " +
    "Lise Louis Louise Luc Lucas Lucie Lucien Lucienne Ludovic Lydie Madeleine Maël Maëlle Maëva Malik Manon Manuel " +
    "Marc Marcel Marcelle Margaux Margot Maria Marianne Marie Marie-Christine Marie-Claire Marie-France Marie-Hélène " +
    "Marie-Thérèse Marine Mario Marion Marius Marthe Martine Mathéo Mathias Mathieu Mathilde Matthieu Maurice Maxence " +
    "Maxime Maximilien Mehdi Mélanie Mélissa Michel Michèle Micheline Mickaël Mireille Mohamed Mohammed Monique Morgane " +
    "Mounir Mourad Nabil Nadia Nadine Nathalie Nathan Nicolas Nicole Noah Noémie Noël Océane Odette Odile Olivia Olivier " +
    "Omar Pascal Pascale Patrice Patricia Patrick Paul Paule Paulette Pauline Philippe Pierre Pierre-Yves Quentin Rachel " +
    "Rachid Raphaël Raphaëlle Raymond Raymonde Rayan Régine Régis Rémi Rémy Renaud René Renée Richard Robert Roger " +
    "Romain Romane Rose-Marie Sabine Sabrina Sacha Salomé Samia Samir Samuel Sandra Sandrine Sarah Sébastien Serge " +
    "Séverine Simon Simone Sofiane Sonia Sophie Stéphane Stéphanie Suzanne Sylvain Sylvie Tatiana Théo Théodore " +
    "Thérèse Thibault Thibaut Thierry Thomas Timothée Tom Tristan Valentin Valentine Valérie Vanessa Véronique Victor " +
    "Victoria Vincent Virginie Viviane Xavier Yann Yannick Yasmine Yves Yvette Yvonne Zoé Zohra Zineb"
  ).split(" "),
);

/**
 * Capitalised words that end a name or can never start one: civilities, days, months, acronyms of the trade,
 * mail and transcript labels. Checked case-sensitively on the word as written.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  (
    "M Mme Mmes Mlle Mlles MM Mr Monsieur Madame Mademoiselle Messieurs Mesdames Me Maître Maitre Dr Docteur Pr Professeur " +
    "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Fevrier Mars Avril Mai Juin Juillet Août Aout " +
    "Septembre Octobre Novembre Décembre Decembre MAIF RDV SMS TTC HT OK NB PS CPAM CHU SARL SAS SASU EURL SA SCI IBAN " +
    "RIB SIRET SIREN NIR TVA CB PV IRSI DDN Objet Tél Tel Mail Email E-mail Bonjour Bonsoir Merci Cordialement " +
    "Conseiller Conseillère Gestionnaire Expert Et Ou Pour Avec Sans Chez Suite Vu Voir Le La Les Un Une Des Du De " +
    "Il Elle Ils Elles Nous Vous On Je Tu Ce Cette Son Sa Ses Leur Leurs Mon Ma Mes Notre Votre Qui Que Quoi Oui Non " +
    "Garage Agence Contrat Dossier Sinistre Police Avenant Référence Réf Tiers Assuré Assurée Sociétaire Témoin " +
    "Teams Outlook Code Date Numéro Adresse Montant Franchise Garantie Formule Rappel Note Notes Pièces Prochaine " +
    "Total Statut Motif Type Nom Prénom Ville Pays Société Entreprise Compte Banque Véhicule Marque Modèle " +
    "Immatriculation Plaque Client Lieu Heure Durée Canal Sujet Important Attention Action Actions Synthèse Résumé " +
    "Décision Demande Question Réponse Remarque Observations Commentaire Commentaires CP Tempête Accident Constat " +
    "Devis Facture Expertise Rendez-vous Appel Entretien Visio Téléphone Mobile Portable Fixe Courriel Destinataire " +
    "Expéditeur Envoyé Cc Cci De À A From To Re TR Fwd Service Équipe L'équipe Direction Pôle Cellule Groupe " +
    "Conseillère Gestionnaire Responsable Famille Succession"
  ).split(" "),
);

/**
 * Surnames and given names that are also ordinary French words: they are matched only with the capitalisation
 * they were introduced with, never case-insensitively, so "un petit dégât" does not hide "M. Petit".
 */
export const COMMON_WORD_NAMES: ReadonlySet<string> = new Set(
  (
    "petit petite grand grande blanc blanche noir roux rousse brun brune fontaine marchand chevalier boulanger boucher " +
    "meunier berger mercier barbier moulin bois roche rocher pierre rose olive lion loup bonnet poirier fort roi prince " +
    "duc comte baron marquis page portier vallée riviere rivière montagne champ champs lac mer jardin ange franc france " +
    "lune soleil hiver printemps automne couturier tailleur charpentier maçon pasteur prieur clerc sergent marin bouvier " +
    "vacher pêcheur chasseur gros long court droit bon bonne beau belle joli gentil doux sage brave léger neveu cousin " +
    "ami voisin collet mouton renard pigeon poulain croix marche marché pont chemin rue place tour vigne vigneron " +
    "bonhomme pape boulet bien mieux aimé aime masse faucon chapelle abbé moine claire blanche olivier clément " +
    "constant désiré modeste victoire prudence patience fidèle honoré germain aurore marine pascal"
  ).split(" "),
);

/** Lower-case particles inside French and foreign surnames ("de La Fontaine", "van Damme", "d'Estienne"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "de du des van von der den di da del della dos das ben bin el al ibn".split(" "),
);

/** Capitalised particles that begin a surname ("Le Goff", "La Fontaine", "Da Silva", "Ben Ali"). */
export const CAPITAL_PARTICLES: ReadonlySet<string> = new Set(
  "Le La Les De Du Des Van Von Der Den Di Da Del Della Dos Das Ben Bin El Al Ibn Mac Mc Saint Sainte".split(" "),
);
