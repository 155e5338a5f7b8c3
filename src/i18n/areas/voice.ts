// Owns the strings of the voice area, French first; merged into fr.ts and en.ts so each area edits its own file.

export const voiceFr = {
  // Server: problems of the transcription and recording routes.
  "problem.consent_required.title": "Accord du sociétaire requis",
  "problem.consent_required.detail":
    "L'enregistrement n'est possible qu'avec l'accord du sociétaire (consent=true). Rien n'a été envoyé ni transcrit.",
  "voice.server.no_provider":
    "La transcription a besoin d'un service de transcription (TRANSCRIPTION_BASE_URL ou LLM_BASE_URL) et aucun n'est configuré ou joignable ; ce serveur n'embarque pas de moteur de reconnaissance vocale. L'enregistrement est conservé : réessayez quand le service sera disponible, ou saisissez vos notes.",
  "voice.server.too_long":
    "L'enregistrement dure {minutes} min, au-delà de la limite de {max} min. Découpez l'entretien en plusieurs enregistrements.",
  "voice.server.too_large":
    "Le fichier audio fait {mb} Mo, au-delà de la limite de {max} Mo. Enregistrez en WebM/Opus ou en MP3, ou découpez l'entretien.",
  "voice.server.unsupported":
    "Ce fichier n'est pas un enregistrement audio accepté : envoyez un fichier WAV, WebM/Opus, Ogg, MP3 ou M4A.",
  "voice.server.no_audio": "Aucun fichier audio reçu : joignez l'enregistrement dans le champ « audio ».",
  "voice.server.empty_audio": "Le fichier audio est vide.",
  "voice.server.bad_upload": "L'envoi de l'enregistrement est incomplet ou mal formé ; réessayez.",
  "voice.server.chunk_too_large": "Un morceau d'enregistrement ne peut dépasser {max} Mo.",
  "voice.server.chunk_conflict":
    "Le morceau n° {n} a déjà été reçu avec un autre contenu : l'enregistrement ne peut pas être modifié après coup.",
  "voice.server.chunks_missing":
    "Il manque encore des morceaux de l'enregistrement ({missing}) : ils sont toujours en attente d'envoi sur l'appareil.",
  "voice.server.no_chunks": "Aucun morceau d'enregistrement n'a été reçu.",
  "voice.server.recording_not_found": "Cet enregistrement n'existe pas ou a déjà été supprimé.",
  "voice.server.already_transcribed": "Cet enregistrement est déjà transcrit : il ne reçoit plus de morceaux.",
  "voice.server.bad_chunk_number": "Le numéro de morceau doit être un entier entre 0 et {max}.",
  "voice.server.transcription_not_found":
    "Cette transcription n'existe pas ou n'est pas la vôtre : le brouillon ne peut pas s'y rattacher.",
  "voice.server.transcription_without_consent":
    "Cette transcription n'a pas d'accord du sociétaire enregistré : elle ne peut pas servir de source.",
  // Committee page: the footprint of transcription, summed over the months shown.
  "voice.committee.footprint": "Transcription des entretiens enregistrés : {minutes} min d'audio, {value}",

  // Pane: consent, recording, upload queue and transcript.
  "ui.voice.open": "Enregistrer l'entretien",
  "ui.voice.title": "Enregistrer l'entretien",
  "ui.voice.back": "Retour à la saisie",
  "ui.voice.notice_title": "À lire au sociétaire avant d'enregistrer",
  "ui.voice.notice":
    "Avec votre accord, j'enregistre notre échange pour en préparer le compte rendu. L'enregistrement sert uniquement à cela : il est transcrit par un service situé dans l'Union européenne puis supprimé dès la transcription faite ; seul le compte rendu que je relis et valide est conservé. Vous pouvez refuser, sans aucune conséquence sur votre dossier, et me demander d'arrêter à tout moment.",
  "ui.voice.consent": "Le sociétaire a donné son accord",
  "ui.voice.consent_needed": "Cochez l'accord du sociétaire pour pouvoir enregistrer.",
  "ui.voice.start": "Démarrer l'enregistrement",
  "ui.voice.pause": "Pause",
  "ui.voice.resume": "Reprendre",
  "ui.voice.stop": "Arrêter",
  "ui.voice.elapsed": "Durée : {time}",
  "ui.voice.level": "Niveau du micro",
  "ui.voice.recording": "Enregistrement en cours",
  "ui.voice.paused": "En pause",
  "ui.voice.pending": "{count} morceau(x) en attente d'envoi",
  "ui.voice.all_sent": "Tout est envoyé au serveur.",
  "ui.voice.offline": "Connexion perdue : les morceaux restent sur cet appareil et partiront au retour du réseau.",
  "ui.voice.transcribing": "Transcription en cours…",
  "ui.voice.transcript": "Transcription",
  "ui.voice.rename": "Nom de « {speaker} »",
  "ui.voice.use": "Utiliser comme source du compte rendu",
  "ui.voice.used": "La transcription est la source du compte rendu.",
  "ui.voice.resume_upload": "Un enregistrement précédent n'est pas terminé : ses morceaux sont envoyés.",
  "ui.voice.mic_denied":
    "Le micro n'est pas autorisé ici. Autorisez-le dans votre navigateur ou Outlook, ou utilisez Outlook sur le web ou Teams ; sinon saisissez vos notes.",
  "ui.voice.mic_unsupported":
    "Cet hôte ne permet pas l'enregistrement depuis le volet. Utilisez Outlook sur le web, le nouvel Outlook ou Teams, ou saisissez vos notes.",
  "ui.voice.no_provider":
    "La transcription a besoin d'un service de transcription qui n'est pas configuré. L'enregistrement reste conservé jusqu'à la limite de conservation ; réessayez plus tard.",
  "ui.voice.retry": "Réessayer la transcription",
  "ui.voice.failed": "La transcription a échoué : {reason}",
  "ui.voice.discard": "Supprimer l'enregistrement",
} as const;

export const voiceEn: Record<keyof typeof voiceFr, string> = {
  "problem.consent_required.title": "Member's consent required",
  "problem.consent_required.detail":
    "Recording is only possible with the member's consent (consent=true). Nothing was sent or transcribed.",
  "voice.server.no_provider":
    "Transcription needs a transcription service (TRANSCRIPTION_BASE_URL or LLM_BASE_URL) and none is configured or reachable; this server ships no speech recognition engine. The recording is kept: try again when the service is available, or type your notes.",
  "voice.server.too_long":
    "The recording lasts {minutes} min, over the {max} min limit. Split the interview into several recordings.",
  "voice.server.too_large":
    "The audio file is {mb} MB, over the {max} MB limit. Record in WebM/Opus or MP3, or split the interview.",
  "voice.server.unsupported":
    "This file is not an accepted audio recording: send a WAV, WebM/Opus, Ogg, MP3 or M4A file.",
  "voice.server.no_audio": 'No audio file received: attach the recording in the "audio" field.',
  "voice.server.empty_audio": "The audio file is empty.",
  "voice.server.bad_upload": "The upload of the recording is incomplete or malformed; try again.",
  "voice.server.chunk_too_large": "A chunk of a recording may not exceed {max} MB.",
  "voice.server.chunk_conflict":
    "Chunk {n} was already received with other content: a recording cannot be changed afterwards.",
  "voice.server.chunks_missing":
    "Chunks of the recording are still missing ({missing}): they are still waiting to upload on the device.",
  "voice.server.no_chunks": "No chunk of the recording was received.",
  "voice.server.recording_not_found": "This recording does not exist or was already deleted.",
  "voice.server.already_transcribed": "This recording is already transcribed: it takes no more chunks.",
  "voice.server.bad_chunk_number": "The chunk number must be an integer between 0 and {max}.",
  "voice.server.transcription_not_found":
    "This transcription does not exist or is not yours: the draft cannot be linked to it.",
  "voice.server.transcription_without_consent":
    "This transcription has no recorded consent from the member: it cannot be used as a source.",
  "voice.committee.footprint": "Transcription of recorded interviews: {minutes} min of audio, {value}",
  "ui.voice.open": "Record the interview",
  "ui.voice.title": "Record the interview",
  "ui.voice.back": "Back to the notes",
  "ui.voice.notice_title": "Read to the member before recording",
  "ui.voice.notice":
    "With your consent, I record our conversation to prepare its minutes. The recording is used only for that: it is transcribed by a service located in the European Union, then deleted as soon as it is transcribed; only the minutes I review and validate are kept. You may refuse, with no consequence on your file, and ask me to stop at any time.",
  "ui.voice.consent": "The member has given consent",
  "ui.voice.consent_needed": "Tick the member's consent to be able to record.",
  "ui.voice.start": "Start recording",
  "ui.voice.pause": "Pause",
  "ui.voice.resume": "Resume",
  "ui.voice.stop": "Stop",
  "ui.voice.elapsed": "Duration: {time}",
  "ui.voice.level": "Microphone level",
  "ui.voice.recording": "Recording",
  "ui.voice.paused": "Paused",
  "ui.voice.pending": "{count} chunk(s) waiting to upload",
  "ui.voice.all_sent": "Everything is uploaded.",
  "ui.voice.offline": "Connection lost: the chunks stay on this device and will upload when the network is back.",
  "ui.voice.transcribing": "Transcribing…",
  "ui.voice.transcript": "Transcript",
  "ui.voice.rename": 'Name of "{speaker}"',
  "ui.voice.use": "Use as the minutes' source",
  "ui.voice.used": "The transcript is the minutes' source.",
  "ui.voice.resume_upload": "An earlier recording is not finished: its chunks are being uploaded.",
  "ui.voice.mic_denied":
    "The microphone is not allowed here. Allow it in your browser or Outlook, or use Outlook on the web or Teams; otherwise type your notes.",
  "ui.voice.mic_unsupported":
    "This host does not allow recording from the pane. Use Outlook on the web, the new Outlook or Teams, or type your notes.",
  "ui.voice.no_provider":
    "Transcription needs a transcription service that is not configured. The recording is kept up to the retention limit; try again later.",
  "ui.voice.retry": "Retry the transcription",
  "ui.voice.failed": "The transcription failed: {reason}",
  "ui.voice.discard": "Delete the recording",
};
