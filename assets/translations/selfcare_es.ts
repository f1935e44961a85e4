<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Your saved data was damaged, so the last good copy, from %1, was put back. Sessions after that time may be missing. The damaged file was kept, not deleted: %2</source>
        <translation>Tus datos guardados estaban dañados, así que se recuperó la última copia buena, del %1. Puede que falten las sesiones posteriores a ese momento. El archivo dañado se conservó, no se borró: %2</translation>
    </message>
    <message>
        <source>Your saved data could not be read, so a new file was started. The old file was kept, not deleted: %1</source>
        <translation>No se pudieron leer tus datos guardados, así que se creó un archivo nuevo. El archivo anterior se conservó, no se borró: %1</translation>
    </message>
    <message>
        <source>Some sessions could not be loaded and are not shown: %1</source>
        <translation>Algunas sesiones no se pudieron cargar y no aparecen: %1</translation>
    </message>
    <message>
        <source>Some optional questions could not be loaded and are not asked: %1</source>
        <translation>Algunas preguntas opcionales no se pudieron cargar y no se harán: %1</translation>
    </message>
    <message>
        <source>No sound device could be opened, so sessions will run silently with the words on screen.</source>
        <translation>No se pudo abrir ningún dispositivo de sonido, así que las sesiones serán en silencio, con las palabras en la pantalla.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Selfcare met a problem it did not expect. Any ratings you already gave are saved. You can carry on, or close and reopen the app.</source>
        <translation>Selfcare tuvo un problema inesperado. Las calificaciones que ya diste están guardadas. Puedes continuar, o cerrar y volver a abrir la aplicación.</translation>
    </message>
    <message>
        <source>Details for whoever helps you: %1</source>
        <translation>Detalles para quien te ayude: %1</translation>
    </message>
    <message>
        <source>Guided imagery</source>
        <translation>Imaginación guiada</translation>
    </message>
    <message>
        <source>Muscle relaxation</source>
        <translation>Relajación muscular</translation>
    </message>
    <message>
        <source>Self-acupressure</source>
        <translation>Autoacupresión</translation>
    </message>
    <message>
        <source>Breathing</source>
        <translation>Respiración</translation>
    </message>
    <message>
        <source>Whole body</source>
        <translation>Todo el cuerpo</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Cara</translation>
    </message>
    <message>
        <source>Forehead</source>
        <translation>Frente</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Ojos</translation>
    </message>
    <message>
        <source>Jaw</source>
        <translation>Mandíbula</translation>
    </message>
    <message>
        <source>Neck</source>
        <translation>Cuello</translation>
    </message>
    <message>
        <source>Shoulders and upper back</source>
        <translation>Hombros y parte alta de la espalda</translation>
    </message>
    <message>
        <source>Chest</source>
        <translation>Pecho</translation>
    </message>
    <message>
        <source>Upper back</source>
        <translation>Parte alta de la espalda</translation>
    </message>
    <message>
        <source>Lower back</source>
        <translation>Parte baja de la espalda</translation>
    </message>
    <message>
        <source>Stomach</source>
        <translation>Barriga</translation>
    </message>
    <message>
        <source>Both arms and hands</source>
        <translation>Ambos brazos y manos</translation>
    </message>
    <message>
        <source>Both hands</source>
        <translation>Ambas manos</translation>
    </message>
    <message>
        <source>Both legs and feet</source>
        <translation>Ambas piernas y pies</translation>
    </message>
    <message>
        <source>Both feet</source>
        <translation>Ambos pies</translation>
    </message>
    <message>
        <source>Right hand</source>
        <translation>Mano derecha</translation>
    </message>
    <message>
        <source>Left hand</source>
        <translation>Mano izquierda</translation>
    </message>
    <message>
        <source>Right forearm</source>
        <translation>Antebrazo derecho</translation>
    </message>
    <message>
        <source>Left forearm</source>
        <translation>Antebrazo izquierdo</translation>
    </message>
    <message>
        <source>Right upper arm</source>
        <translation>Parte de arriba del brazo derecho</translation>
    </message>
    <message>
        <source>Left upper arm</source>
        <translation>Parte de arriba del brazo izquierdo</translation>
    </message>
    <message>
        <source>Right thigh</source>
        <translation>Muslo derecho</translation>
    </message>
    <message>
        <source>Left thigh</source>
        <translation>Muslo izquierdo</translation>
    </message>
    <message>
        <source>Right calf</source>
        <translation>Pantorrilla derecha</translation>
    </message>
    <message>
        <source>Left calf</source>
        <translation>Pantorrilla izquierda</translation>
    </message>
    <message>
        <source>Right foot</source>
        <translation>Pie derecho</translation>
    </message>
    <message>
        <source>Left foot</source>
        <translation>Pie izquierdo</translation>
    </message>
    <message>
        <source>Breath</source>
        <translation>Respiración</translation>
    </message>
    <message>
        <source>Chest, shoulders and upper back</source>
        <translation>Pecho, hombros y parte alta de la espalda</translation>
    </message>
    <message>
        <source>Chest, shoulders, back and stomach</source>
        <translation>Pecho, hombros, espalda y barriga</translation>
    </message>
    <message>
        <source>Face and neck</source>
        <translation>Cara y cuello</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Inhala</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Exhala</translation>
    </message>
    <message>
        <source>Right arm and hand</source>
        <translation>Brazo y mano derechos</translation>
    </message>
    <message>
        <source>Left arm and hand</source>
        <translation>Brazo y mano izquierdos</translation>
    </message>
    <message>
        <source>Right leg and foot</source>
        <translation>Pierna y pie derechos</translation>
    </message>
    <message>
        <source>Left leg and foot</source>
        <translation>Pierna y pie izquierdos</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <translation>dddd d &apos;de&apos; MMMM</translation>
    </message>
    <message numerus="yes">
        <source>About %n min</source>
        <translation>
            <numerusform>Unos %n min</numerusform>
            <numerusform>Unos %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>The SIO–ASCO pain guideline (2022) does not cover nausea. In one trial of women having chemotherapy (Dibble 2007), pressing PC6 eased delayed nausea; the evidence is limited.</source>
        <translation>La guía SIO–ASCO sobre el dolor (2022) no trata las náuseas. En un estudio con mujeres que recibían quimioterapia (Dibble 2007), presionar PC6 alivió las náuseas tardías; la evidencia es limitada.</translation>
    </message>
    <message>
        <source>Not the subject of a guideline recommendation for pain; offered here for relaxation.</source>
        <translation>No es objeto de una recomendación de la guía sobre el dolor; se ofrece aquí para la relajación.</translation>
    </message>
    <message>
        <source>pain during medical procedures</source>
        <translation>el dolor durante procedimientos médicos</translation>
    </message>
    <message>
        <source>cancer or muscle and joint pain</source>
        <translation>el dolor por cáncer o el dolor de músculos y articulaciones</translation>
    </message>
    <message>
        <source>acupressure or reflexology</source>
        <translation>acupresión o reflexología</translation>
    </message>
    <message>
        <source>guided imagery with muscle relaxation</source>
        <translation>imaginación guiada con relajación muscular</translation>
    </message>
    <message>
        <source>hypnosis</source>
        <translation>hipnosis</translation>
    </message>
    <message>
        <source>SIO–ASCO guideline (2022), recommendation %1: %2 may be offered for %3</source>
        <translation>Guía SIO–ASCO (2022), recomendación %1: se puede ofrecer %2 para %3</translation>
    </message>
    <message>
        <source>(intermediate evidence, moderate strength).</source>
        <translation>(evidencia intermedia, recomendación moderada).</translation>
    </message>
    <message>
        <source>the evidence is limited.</source>
        <translation>la evidencia es limitada.</translation>
    </message>
    <message>
        <source>For the hour before a medical procedure such as a biopsy or a scan, or while you wait. It goes alongside the care your team gives, never instead of it.</source>
        <translation>Para la hora antes de un procedimiento médico, como una biopsia o un estudio de imagen, o mientras esperas. Acompaña la atención que te da tu equipo de salud; nunca la reemplaza.</translation>
    </message>
    <message>
        <source>For anyone who can rest and listen, sitting or lying in bed, with eyes open or closed. No movement is needed.</source>
        <translation>Para cualquier persona que pueda descansar y escuchar, sentada o acostada en la cama, con los ojos abiertos o cerrados. No hace falta moverse.</translation>
    </message>
    <message>
        <source>For tension, stress and trouble resting, sitting or lying down. Light effort only; areas that hurt are relaxed, not tensed.</source>
        <translation>Para la tensión, el estrés y la dificultad para descansar, en una silla o en la cama. Solo un esfuerzo ligero; las zonas que duelen se relajan, no se tensan.</translation>
    </message>
    <message>
        <source>For adults who can press comfortably with their own fingers, sitting or lying down. Firm but never painful.</source>
        <translation>Para personas adultas que puedan presionar con comodidad con sus propios dedos, sentadas o acostadas. Con firmeza, pero nunca hasta que duela.</translation>
    </message>
    <message>
        <source>For anyone, sitting or lying down. No deep breaths and no holding of the breath.</source>
        <translation>Para cualquier persona, sentada o acostada. Sin respirar hondo y sin aguantar el aire.</translation>
    </message>
    <message>
        <source>For anyone who can rest and listen.</source>
        <translation>Para cualquier persona que pueda descansar y escuchar.</translation>
    </message>
    <message>
        <source>Stop if it brings up upsetting feelings or memories, and open your eyes.</source>
        <translation>Detente si te trae sentimientos o recuerdos que te angustian, y abre los ojos.</translation>
    </message>
    <message>
        <source>Skip any area that hurts, was operated on recently, or has lymphoedema, a clot or a bone metastasis. Stop if you get a cramp or pain. Ask your care team first if you have back problems or high blood pressure.</source>
        <translation>Sáltate cualquier zona que te duela, donde te hayan operado hace poco, o que tenga linfedema, un coágulo o una metástasis ósea. Detente si te da un calambre o sientes dolor. Pregunta primero a tu equipo de salud si tienes problemas de espalda o presión alta.</translation>
    </message>
    <message>
        <source>Not on broken or swollen skin, a drip, line or port, a limb with lymphoedema or a clot, or a tumour or bone metastasis; some points are not for pregnancy. Light pressure only with low platelets or blood thinners. Stop if it hurts or bruises.</source>
        <translation>No presiones sobre piel con heridas o hinchazón, ni donde tengas un suero, catéter o puerto, ni en un brazo o una pierna con linfedema o un coágulo, ni sobre un tumor o una metástasis ósea; algunos puntos no son para el embarazo. Si tienes las plaquetas bajas o tomas anticoagulantes, presiona solo con suavidad. Detente si duele o te salen moretones.</translation>
    </message>
    <message>
        <source>If you feel dizzy, light-headed or short of breath, go back to breathing normally.</source>
        <translation>Si sientes mareo, la cabeza liviana o falta de aire, vuelve a respirar como siempre.</translation>
    </message>
    <message>
        <source>Don&apos;t listen while driving. Tell the team doing the procedure that you are using it; you can still ask them for pain relief at any time.</source>
        <translation>No lo escuches mientras manejas. Dile al equipo que te hace el procedimiento que lo estás usando; igual puedes pedirles algo para el dolor en cualquier momento.</translation>
    </message>
    <message>
        <source>Call your care team about new, worse or uncontrolled pain. In an emergency, call your local emergency number.</source>
        <translation>Llama a tu equipo de salud si tienes un dolor nuevo, más fuerte o que no se controla. En una emergencia, llama al número de emergencias de tu zona.</translation>
    </message>
    <message>
        <source>%1 (not in pregnancy)</source>
        <translation>%1 (no durante el embarazo)</translation>
    </message>
    <message>
        <source>A PIN is made of digits only.</source>
        <translation>El PIN solo puede tener dígitos.</translation>
    </message>
    <message>
        <source>A PIN has %1 to %2 digits.</source>
        <translation>El PIN debe tener de %1 a %2 dígitos.</translation>
    </message>
    <message>
        <source>That PIN is too easy to guess (one digit repeated, or a run like 1234).</source>
        <translation>Ese PIN es demasiado fácil de adivinar (un mismo dígito repetido o una serie como 1234).</translation>
    </message>
    <message>
        <source>Weekly for 10 weeks, then monthly to week 26</source>
        <translation>Semanal durante 10 semanas, luego mensual hasta la semana 26</translation>
    </message>
    <message>
        <source>Weekly for 12 weeks</source>
        <translation>Semanal durante 12 semanas</translation>
    </message>
    <message>
        <source>Every day for 4 weeks</source>
        <translation>Todos los días durante 4 semanas</translation>
    </message>
    <message>
        <source>On chosen days of the week</source>
        <translation>En los días de la semana elegidos</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Para: %1</translation>
    </message>
    <message>
        <source>Sessions: %1</source>
        <translation>Sesiones: %1</translation>
    </message>
    <message>
        <source>How often: %1</source>
        <translation>Frecuencia: %1</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>Reminders at %1</source>
        <translation>Recordatorios a las %1</translation>
    </message>
    <message>
        <source>Safety settings: %1</source>
        <translation>Ajustes de seguridad: %1</translation>
    </message>
    <message>
        <source>none marked</source>
        <translation>nada marcado</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>Spine</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Ribs</source>
        <translation>Costillas</translation>
    </message>
    <message>
        <source>Pelvis and hips</source>
        <translation>Pelvis y caderas</translation>
    </message>
    <message>
        <source>Left shoulder</source>
        <translation>Hombro izquierdo</translation>
    </message>
    <message>
        <source>Right shoulder</source>
        <translation>Hombro derecho</translation>
    </message>
    <message>
        <source>Left arm</source>
        <translation>Brazo izquierdo</translation>
    </message>
    <message>
        <source>Right arm</source>
        <translation>Brazo derecho</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Pierna izquierda</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Pierna derecha</translation>
    </message>
    <message>
        <source>pregnancy</source>
        <translation>embarazo</translation>
    </message>
    <message>
        <source>lymphoedema</source>
        <translation>linfedema</translation>
    </message>
    <message>
        <source>low platelets or blood thinners</source>
        <translation>plaquetas bajas o anticoagulantes</translation>
    </message>
    <message>
        <source>bone metastases</source>
        <translation>metástasis óseas</translation>
    </message>
    <message>
        <source>line or port</source>
        <translation>vía o puerto (catéter)</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>entumecimiento (neuropatía)</translation>
    </message>
    <message>
        <source>recent surgery</source>
        <translation>cirugía reciente</translation>
    </message>
    <message>
        <source>hands</source>
        <translation>manos</translation>
    </message>
    <message>
        <source>feet</source>
        <translation>pies</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>right</source>
        <translation>derecho</translation>
    </message>
    <message>
        <source>left</source>
        <translation>izquierdo</translation>
    </message>
    <message>
        <source>%1 left out: %2</source>
        <translation>%1: se omite (%2)</translation>
    </message>
    <message>
        <source>%1 on your %3 side only: %2</source>
        <translation>%1: solo en tu lado %3 (%2)</translation>
    </message>
    <message>
        <source>%1 pressed gently: %2</source>
        <translation>%1: presión suave (%2)</translation>
    </message>
    <message>
        <source>%1 relaxed, not tensed: %2</source>
        <translation>%1: relajar, sin tensar (%2)</translation>
    </message>
    <message>
        <source>Check the skin afterwards.</source>
        <translation>Revisa la piel después.</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Embarazo</translation>
    </message>
    <message>
        <source>Lymphoedema: %1</source>
        <translation>Linfedema: %1</translation>
    </message>
    <message>
        <source>Low platelets or blood thinners</source>
        <translation>Plaquetas bajas o anticoagulantes</translation>
    </message>
    <message>
        <source>Bone metastases: %1</source>
        <translation>Metástasis óseas: %1</translation>
    </message>
    <message>
        <source>Line or port: %1</source>
        <translation>Vía o puerto (catéter): %1</translation>
    </message>
    <message>
        <source>Recent surgery: %1</source>
        <translation>Cirugía reciente: %1</translation>
    </message>
    <message>
        <source>Numbness (neuropathy): %1</source>
        <translation>Entumecimiento (neuropatía): %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <source>Self-care practice report</source>
        <translation>Informe de práctica de autocuidado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Patient: %1 · %2 to %3 · made %4 with Selfcare %5</source>
        <translation>Paciente: %1 · del %2 al %3 · hecho el %4 con Selfcare %5</translation>
    </message>
    <message>
        <source>%2 to %3 · made %4 with Selfcare %5</source>
        <translation>Del %2 al %3 · hecho el %4 con Selfcare %5</translation>
    </message>
    <message>
        <source>What the patient reported while practising self-care at home. It is not a diagnosis and does not replace medical assessment.</source>
        <translation>Lo que la persona informó mientras practicaba el autocuidado en casa. No es un diagnóstico y no reemplaza la evaluación médica.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Adherencia</translation>
    </message>
    <message>
        <source>Safety settings in force</source>
        <translation>Ajustes de seguridad vigentes</translation>
    </message>
    <message>
        <source>Listed below, across the page.</source>
        <translation>Se indican debajo, a lo ancho de la página.</translation>
    </message>
    <message>
        <source>Safety settings in force: %1</source>
        <translation>Ajustes de seguridad vigentes: %1</translation>
    </message>
    <message>
        <source>No plan was assigned.</source>
        <translation>No se asignó ningún plan.</translation>
    </message>
    <message>
        <source>Sessions in this period: %1 (%2 stopped early)</source>
        <translation>Sesiones en este periodo: %1 (%2 interrumpidas antes de terminar)</translation>
    </message>
    <message>
        <source>Nothing was due yet.</source>
        <translation>Aún no tocaba ninguna práctica.</translation>
    </message>
    <message>
        <source>%1 of %2 practices due were done (%3 %)</source>
        <translation>Se hicieron %1 de %2 prácticas previstas (%3 %)</translation>
    </message>
    <message>
        <source>Missed: %1</source>
        <translation>No hechas: %1</translation>
    </message>
    <message>
        <source>Still to come: %1</source>
        <translation>Por venir: %1</translation>
    </message>
    <message>
        <source>None marked.</source>
        <translation>Ninguno marcado.</translation>
    </message>
    <message>
        <source>Sessions were adapted to these settings.</source>
        <translation>Las sesiones se adaptaron a estos ajustes.</translation>
    </message>
    <message>
        <source>Pain before and after each session (0 = no pain, 10 = worst imaginable)</source>
        <translation>Dolor antes y después de cada sesión (0 = sin dolor, 10 = el peor imaginable)</translation>
    </message>
    <message>
        <source>No pain ratings in this period.</source>
        <translation>No hay valoraciones del dolor en este periodo.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>hollow: before, filled: after</source>
        <translation>hueco: antes, relleno: después</translation>
    </message>
    <message>
        <source>weekly mean before</source>
        <translation>media semanal antes</translation>
    </message>
    <message>
        <source>weekly mean after</source>
        <translation>media semanal después</translation>
    </message>
    <message>
        <source>What helps: change in pain from before to after, by kind of session</source>
        <translation>Qué ayuda: cambio del dolor de antes a después, por tipo de sesión</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Valoradas</translation>
    </message>
    <message>
        <source>Mean change (95 % interval)</source>
        <translation>Cambio medio (intervalo del 95 %)</translation>
    </message>
    <message>
        <source>Fell 2+ points or 30 %</source>
        <translation>Bajó 2+ puntos o 30 %</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>No sessions in this period.</source>
        <translation>No hay sesiones en este periodo.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Lower after</source>
        <translation>Menor después</translation>
    </message>
    <message>
        <source>Higher after</source>
        <translation>Mayor después</translation>
    </message>
    <message>
        <source>No clear change</source>
        <translation>Sin cambio claro</translation>
    </message>
    <message>
        <source>Too few to say</source>
        <translation>Muy pocas para decirlo</translation>
    </message>
    <message>
        <source> (+%1 skipped)</source>
        <translation> (+%1 omitidas)</translation>
    </message>
    <message>
        <source>going down</source>
        <translation>va bajando</translation>
    </message>
    <message>
        <source>going up</source>
        <translation>va subiendo</translation>
    </message>
    <message>
        <source>no clear trend</source>
        <translation>sin tendencia clara</translation>
    </message>
    <message>
        <source>too few weeks to say</source>
        <translation>muy pocas semanas para decirlo</translation>
    </message>
    <message>
        <source>Pain before sessions, week by week (%1 weeks): %2.</source>
        <translation>Dolor antes de las sesiones, semana a semana (%1 semanas): %2.</translation>
    </message>
    <message>
        <source>Slope %1 points a week (95 % interval %2 to %3).</source>
        <translation>Pendiente de %1 puntos por semana (intervalo del 95 %: %2 a %3).</translation>
    </message>
    <message>
        <source>Weekly check</source>
        <translation>Revisión semanal</translation>
    </message>
    <message>
        <source>%1: score by week (0 to 10)</source>
        <translation>%1: puntuación por semana (0 a 10)</translation>
    </message>
    <message>
        <source>No weekly check answered in this period.</source>
        <translation>No se respondió ninguna revisión semanal en este periodo.</translation>
    </message>
    <message>
        <source>Other ratings, 0 to 10</source>
        <translation>Otras valoraciones, de 0 a 10</translation>
    </message>
    <message>
        <source>None asked in this period.</source>
        <translation>No se preguntó ninguna en este periodo.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Change (95 % interval)</source>
        <translation>Cambio (intervalo del 95 %)</translation>
    </message>
    <message>
        <source>%1 (n %2)</source>
        <translation>%1 (n %2)</translation>
    </message>
    <message>
        <source>Soreness, bruising and notes</source>
        <translation>Molestias, moretones y notas</translation>
    </message>
    <message>
        <source>%1 entries are not shown here; the CSV export lists them all.</source>
        <translation>%1 entradas no se muestran aquí; la exportación CSV las incluye todas.</translation>
    </message>
    <message>
        <source>Asked after %1 sessions: none reported.</source>
        <translation>Se preguntó después de %1 sesiones: no se informó ninguna.</translation>
    </message>
    <message>
        <source>Asked after %1 sessions: reported after %2 (mild %3, more than mild %4).</source>
        <translation>Se preguntó después de %1 sesiones: se informó después de %2 (leves %3, más que leves %4).</translation>
    </message>
    <message>
        <source>Soreness was not asked in this period.</source>
        <translation>No se preguntó por molestias en este periodo.</translation>
    </message>
    <message>
        <source>Before, over time</source>
        <translation>Antes, a lo largo del tiempo</translation>
    </message>
    <message>
        <source>%1 earlier entries are not shown here; the CSV export lists them all.</source>
        <translation>%1 entradas anteriores no se muestran aquí; la exportación CSV las incluye todas.</translation>
    </message>
    <message>
        <source>mild soreness or bruising</source>
        <translation>molestias o moretones leves</translation>
    </message>
    <message>
        <source>more than mild soreness or bruising</source>
        <translation>molestias o moretones más que leves</translation>
    </message>
    <message>
        <source>note: “%1”</source>
        <translation>nota: «%1»</translation>
    </message>
    <message>
        <source>How this was made: pain is the patient&apos;s own 0-10 rating just before and just after each session; a skipped rating is left out, never counted as 0. Mean changes are after minus before (negative: less pain) with 95 % t-intervals; a change is read as lower or higher only when its interval excludes zero and at least 5 sessions were rated before and after. Adherence counts the plan&apos;s slots from its start to the report&apos;s last day; a slot is kept by a session of the plan completed or carried at least halfway in it.</source>
        <translation>Cómo se hizo: el dolor es la valoración de 0 a 10 de la propia persona justo antes y justo después de cada sesión; una valoración omitida se deja fuera y nunca cuenta como 0. Los cambios medios son después menos antes (negativo: menos dolor), con intervalos t del 95 %; un cambio se lee como menor o mayor solo cuando su intervalo excluye el cero y se valoraron al menos 5 sesiones antes y después. La adherencia cuenta los periodos del plan desde su inicio hasta el último día del informe; un periodo se cumple con una sesión del plan completada o llevada al menos hasta la mitad dentro de él.</translation>
    </message>
    <message>
        <source>Page 1 of 1</source>
        <translation>Página 1 de 1</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 a %3)</translation>
    </message>
    <message>
        <source>Could not read your records: %1</source>
        <translation>No se pudieron leer tus registros: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Saved in %1: your report from %2 to %3 (sessions: %4).</source>
        <translation>Guardado en %1: tu informe del %2 al %3 (sesiones: %4).</translation>
    </message>
</context>
<context>
    <name>BreathPacer</name>
    <message>
        <source>Breathing guide</source>
        <translation>Guía de respiración</translation>
    </message>
</context>
<context>
    <name>ClinicianGate</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>El mismo PIN otra vez</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Set a clinician PIN</source>
        <translation>Crea un PIN clínico</translation>
    </message>
    <message>
        <source>Clinician mode is where patients, safety settings and plans are managed. Choose a PIN of %1 to %2 digits that only the clinical team knows. It is kept only in a scrambled form that cannot be turned back into the PIN.</source>
        <translation>En el modo clínico se gestionan los pacientes, los ajustes de seguridad y los planes. Elige un PIN de %1 a %2 dígitos que solo conozca el equipo clínico. Solo se guarda en una forma codificada que no se puede volver a convertir en el PIN.</translation>
    </message>
    <message>
        <source>Save the PIN</source>
        <translation>Guardar el PIN</translation>
    </message>
    <message>
        <source>Clinician mode</source>
        <translation>Modo clínico</translation>
    </message>
    <message>
        <source>For the clinical team. Enter the clinician PIN.</source>
        <translation>Para el equipo clínico. Ingresa el PIN clínico.</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>Ese PIN no es correcto. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The two PINs are not the same. Please type them again.</source>
        <translation>Los dos PIN no coinciden. Escríbelos de nuevo.</translation>
    </message>
</context>
<context>
    <name>ClinicianMode</name>
    <message>
        <source>The clinic&apos;s records cannot be read now: %1</source>
        <translation>No se pueden leer los registros de la clínica en este momento: %1</translation>
    </message>
    <message>
        <source>There is already a patient with the code %1.</source>
        <translation>Ya hay un paciente con el código %1.</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Todavía no hay un plan.</translation>
    </message>
    <message>
        <source>Plan from %1 to %2. Done: %3 of %4 due so far; missed: %5.</source>
        <translation>Plan del %1 al %2. Hechas: %3 de %4 previstas hasta ahora; perdidas: %5.</translation>
    </message>
    <message>
        <source>Last session: %1.</source>
        <translation>Última sesión: %1.</translation>
    </message>
    <message>
        <source>The plan is not complete: %1</source>
        <translation>El plan no está completo: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>To give this plan to the patient, save its file with “Plan file for home…”.</source>
        <translation>Para darle este plan al paciente, guarda su archivo con «Archivo del plan para casa…».</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Plan file saved in %1. Give it to %2 to open in Selfcare at home.</source>
        <translation>Archivo del plan guardado en %1. Dáselo a %2 para que lo abra en Selfcare en casa.</translation>
    </message>
    <message>
        <source>%1 is a plan file; a log file comes back from home.</source>
        <translation>%1 es un archivo de plan; lo que vuelve de casa es un archivo de registro.</translation>
    </message>
    <message>
        <source>Not brought in: %1</source>
        <translation>No se importó: %1</translation>
    </message>
    <message>
        <source>%1: new sessions added: %2; already here: %3.</source>
        <translation>%1: sesiones nuevas agregadas: %2; ya estaban aquí: %3.</translation>
    </message>
    <message>
        <source>Report saved in %1.</source>
        <translation>Informe guardado en %1.</translation>
    </message>
    <message>
        <source>FHIR Bundle saved in %1.</source>
        <translation>Paquete FHIR guardado en %1.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save for a health record</source>
        <translation>Guardar para una historia clínica</translation>
    </message>
    <message>
        <source>FHIR R4 Bundle (*.json)</source>
        <translation>Paquete FHIR R4 (*.json)</translation>
    </message>
    <message>
        <source>Save the plan file</source>
        <translation>Guardar el archivo del plan</translation>
    </message>
    <message>
        <source>Selfcare plan (*.json)</source>
        <translation>Plan de Selfcare (*.json)</translation>
    </message>
    <message>
        <source>Bring in a log file</source>
        <translation>Importar un archivo de registro</translation>
    </message>
    <message>
        <source>Selfcare log (*.json)</source>
        <translation>Registro de Selfcare (*.json)</translation>
    </message>
</context>
<context>
    <name>ClinicianPage</name>
    <message>
        <source>Clinician mode</source>
        <translation>Modo clínico</translation>
    </message>
    <message>
        <source>Leave clinician mode</source>
        <translation>Salir del modo clínico</translation>
    </message>
    <message>
        <source>Clinician mode closes by itself after 3 minutes without a click or key press.</source>
        <translation>El modo clínico se cierra solo después de 3 minutos sin ningún clic ni pulsación de tecla.</translation>
    </message>
    <message>
        <source>Choose a patient, or add one.</source>
        <translation>Elige un paciente o agrega uno.</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Add a patient</source>
        <translation>Agregar un paciente</translation>
    </message>
    <message>
        <source>All patients</source>
        <translation>Todos los pacientes</translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort by it. Open a patient (double-click or Enter) to see their report. Pain before sessions counts a direction only when its 95 % interval excludes no change.</source>
        <translation>Haz clic en el título de una columna para ordenar por ella. Abre un paciente (doble clic o Intro) para ver su informe. El dolor antes de las sesiones indica una dirección solo cuando su intervalo del 95 % excluye la ausencia de cambio.</translation>
    </message>
    <message>
        <source>Use a code, never a record number or a full name: the code travels in the plan and log files. The name is what the patient sees, such as a first name.</source>
        <translation>Usa un código, nunca un número de historia clínica ni un nombre completo: el código viaja en los archivos de plan y de registro. El nombre es lo que ve el paciente, por ejemplo, su nombre de pila.</translation>
    </message>
    <message>
        <source>Code (letters, digits, - or _)</source>
        <translation>Código (letras, dígitos, - o _)</translation>
    </message>
    <message>
        <source>Name shown to the patient</source>
        <translation>Nombre que ve el paciente</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Patient PIN (optional, 4 to 12 digits) for a shared computer</source>
        <translation>PIN del paciente (opcional, de 4 a 12 dígitos) para una computadora compartida</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>A patient needs a code and a name.</source>
        <translation>Un paciente necesita un código y un nombre.</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>What you mark here changes this patient&apos;s sessions: points and areas that are not safe are left out or done gently, and the patient sees why.</source>
        <translation>Lo que marques aquí cambia las sesiones de este paciente: los puntos y las zonas que no son seguros se omiten o se trabajan con suavidad, y el paciente ve por qué.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>What changes in these sessions for this patient</source>
        <translation>Qué cambia en estas sesiones para este paciente</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Plan file for home…</source>
        <translation>Archivo del plan para casa…</translation>
    </message>
    <message>
        <source>Bring in a log…</source>
        <translation>Importar un registro…</translation>
    </message>
    <message>
        <source>Practise as this patient</source>
        <translation>Practicar como este paciente</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Nothing changes: no chosen session touches what is marked.</source>
        <translation>No cambia nada: ninguna sesión elegida afecta lo que está marcado.</translation>
    </message>
    <message>
        <source>Nothing is marked.</source>
        <translation>No hay nada marcado.</translation>
    </message>
</context>
<context>
    <name>FocusDiagram</name>
    <message>
        <source>Diagram: %1</source>
        <translation>Diagrama: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>No sessions yet. When you finish one, it appears here.</source>
        <translation>Todavía no hay sesiones. Cuando termines una, aparecerá aquí.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>How far</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitida</translation>
    </message>
    <message>
        <source>Session history</source>
        <translation>Historial de sesiones</translation>
    </message>
    <message>
        <source>Pain before the session, 0 to 10</source>
        <translation>Dolor antes de la sesión, de 0 a 10</translation>
    </message>
    <message>
        <source>Pain after the session, 0 to 10</source>
        <translation>Dolor después de la sesión, de 0 a 10</translation>
    </message>
    <message>
        <source>My history</source>
        <translation>Mi historial</translation>
    </message>
    <message>
        <source>Your pain before and after each session, from 0 (no pain) to 10, as you rated it. A dash means a rating was skipped.</source>
        <translation>Tu dolor antes y después de cada sesión, de 0 (sin dolor) a 10, tal como lo calificaste. Un guion significa que se omitió una calificación.</translation>
    </message>
    <message>
        <source>Save as a spreadsheet file (CSV)</source>
        <translation>Guardar como hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>A copy of every session and rating, for you to keep or share</source>
        <translation>Una copia de todas las sesiones y calificaciones, para guardarla o compartirla</translation>
    </message>
    <message>
        <source>Report for my care team (PDF)</source>
        <translation>Informe para mi equipo de salud (PDF)</translation>
    </message>
    <message>
        <source>One page to print or show your care team: your plan, your ratings and what seems to help</source>
        <translation>Una página para imprimir o mostrar a tu equipo de salud: tu plan, tus valoraciones y lo que parece ayudarte</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 semanas</translation>
    </message>
    <message>
        <source>Show the last 4 weeks</source>
        <translation>Mostrar las últimas 4 semanas</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 meses</translation>
    </message>
    <message>
        <source>Show the last 3 months</source>
        <translation>Mostrar los últimos 3 meses</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Show every session</source>
        <translation>Mostrar todas las sesiones</translation>
    </message>
    <message>
        <source>Sessions from %1 to %2: %3.</source>
        <translation>Sesiones del %1 al %2: %3.</translation>
    </message>
    <message>
        <source>Pain rated before: %1; after: %2.</source>
        <translation>Dolor calificado antes: %1; después: %2.</translation>
    </message>
    <message>
        <source>Chart of your pain before and after each session</source>
        <translation>Gráfico de tu dolor antes y después de cada sesión</translation>
    </message>
    <message>
        <source>Two lines show your average pain before and after, month by month.</source>
        <translation>Dos líneas muestran tu dolor promedio antes y después, mes a mes.</translation>
    </message>
    <message>
        <source>Two lines show your average pain before and after, week by week.</source>
        <translation>Dos líneas muestran tu dolor promedio antes y después, semana a semana.</translation>
    </message>
    <message>
        <source>The table lists the same sessions.</source>
        <translation>La tabla enumera las mismas sesiones.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Stopped at step %1 of %2</source>
        <translation>Se detuvo en el paso %1 de %2</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>A plan from your care team</source>
        <translation>Un plan de tu equipo de salud</translation>
    </message>
    <message>
        <source>Please check what will change. Nothing changes until you press Apply.</source>
        <translation>Revisa lo que va a cambiar. Nada cambia hasta que presiones Aplicar.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>After applying this plan</source>
        <translation>Después de aplicar este plan</translation>
    </message>
    <message>
        <source>Apply this plan</source>
        <translation>Aplicar este plan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Todavía no hay un plan.</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Choose a session</source>
        <translation>Elige una sesión</translation>
    </message>
    <message>
        <source>Find a comfortable position, sitting or lying down. Each session asks how much pain you have before and after, so you can see what helps you. These sessions add to your care; they do not replace it.</source>
        <translation>Busca una posición cómoda, en una silla o en la cama. Cada sesión te pregunta cuánto dolor tienes antes y después, para que puedas ver qué te ayuda. Estas sesiones se suman a tu atención médica; no la reemplazan.</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Cargando sesiones…</translation>
    </message>
    <message>
        <source>No sessions could be loaded.</source>
        <translation>No se pudo cargar ninguna sesión.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Show only these sessions</source>
        <translation>Mostrar solo estas sesiones</translation>
    </message>
    <message>
        <source>Show every session</source>
        <translation>Mostrar todas las sesiones</translation>
    </message>
    <message>
        <source>Who it is for, and when to stop</source>
        <translation>Para quién es y cuándo parar</translation>
    </message>
    <message>
        <source>Show or hide safety notes for %1</source>
        <translation>Mostrar u ocultar las notas de seguridad de %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Empezar %1</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>When to stop and call your care team</source>
        <translation>Cuándo parar y llamar a tu equipo de salud</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Choose who is practising</source>
        <translation>Elige quién va a practicar</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>My history</source>
        <translation>Mi historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language, text size, contrast</source>
        <translation>Idioma, tamaño del texto, contraste</translation>
    </message>
    <message>
        <source>Save my sessions</source>
        <translation>Guardar mis sesiones</translation>
    </message>
    <message>
        <source>Spreadsheet file (CSV) (*.csv)</source>
        <translation>Hoja de cálculo (CSV) (*.csv)</translation>
    </message>
    <message>
        <source>Could not read your records: %1</source>
        <translation>No se pudieron leer tus registros: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <source>Saved in %1. Sessions in the file: %2.</source>
        <translation>Guardado en %1. Sesiones en el archivo: %2.</translation>
    </message>
    <message>
        <source>Save my report</source>
        <translation>Guardar mi informe</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not change starting at login: %1</source>
        <translation>No se pudo cambiar la apertura al iniciar sesión: %1</translation>
    </message>
    <message>
        <source>Selfcare cannot keep your records right now, so sessions are not available. Please ask whoever looks after this computer to check the data folder. Details: %1</source>
        <translation>Selfcare no puede guardar tus registros en este momento, así que las sesiones no están disponibles. Pídele a quien se encarga de esta computadora que revise la carpeta de datos. Detalles: %1</translation>
    </message>
    <message>
        <source>Sessions are not available.</source>
        <translation>Las sesiones no están disponibles.</translation>
    </message>
    <message>
        <source>This session could not be opened: %1</source>
        <translation>No se pudo abrir esta sesión: %1</translation>
    </message>
    <message>
        <source>Changed for you by your care team:</source>
        <translation>Cambios que tu equipo de salud hizo para ti:</translation>
    </message>
    <message>
        <source>This session is not available in your language yet, so it plays in %1.</source>
        <translation>Esta sesión todavía no está disponible en tu idioma, así que se reproduce en %1.</translation>
    </message>
    <message>
        <source>No sound is playing: %1. The session runs silently; follow the words on screen.</source>
        <translation>No se está reproduciendo ningún sonido: %1. La sesión continúa en silencio; sigue las palabras en la pantalla.</translation>
    </message>
    <message>
        <source>Your progress could not be saved just now (%1). The session goes on; the ratings you gave before it started are safe.</source>
        <translation>No se pudo guardar tu progreso en este momento (%1). La sesión continúa; las calificaciones que diste antes de empezar están a salvo.</translation>
    </message>
    <message>
        <source>Your answer could not be saved just now (%1). Please try again, or skip it.</source>
        <translation>Tu respuesta no se pudo guardar en este momento (%1). Inténtalo de nuevo o sáltala.</translation>
    </message>
    <message>
        <source>Your rating could not be saved just now (%1). Please try again, or skip it.</source>
        <translation>Tu calificación no se pudo guardar en este momento (%1). Vuelve a intentarlo u omítela.</translation>
    </message>
    <message>
        <source>Who is practising?</source>
        <translation>¿Quién va a practicar?</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invitado</translation>
    </message>
    <message>
        <source>%1 · Switch</source>
        <translation>%1 · Cambiar</translation>
    </message>
    <message>
        <source>This file cannot be used: %1</source>
        <translation>Este archivo no se puede usar: %1</translation>
    </message>
    <message>
        <source>This is a log file. Logs are brought in by the care team, in clinician mode.</source>
        <translation>Este es un archivo de registro. Los registros los importa el equipo de salud, en el modo clínico.</translation>
    </message>
    <message>
        <source>This plan file is for %1. On a computer with patients, choose that patient&apos;s name first, then open the file again. Nothing was changed.</source>
        <translation>Este archivo de plan es para %1. En una computadora con pacientes, elige primero el nombre de esa persona y luego vuelve a abrir el archivo. No se cambió nada.</translation>
    </message>
    <message>
        <source>This plan file is for %1, not for %2. Nothing was changed.</source>
        <translation>Este archivo de plan es para %1, no para %2. No se cambió nada.</translation>
    </message>
    <message>
        <source>The plan was not applied: %1</source>
        <translation>El plan no se aplicó: %1</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>There is no plan from a care team on this computer yet, so there is no log to give back. Open the plan file first.</source>
        <translation>Todavía no hay en esta computadora un plan de un equipo de salud, así que no hay ningún registro para devolver. Primero abre el archivo del plan.</translation>
    </message>
    <message>
        <source>The log was not saved: %1</source>
        <translation>El registro no se guardó: %1</translation>
    </message>
    <message>
        <source>Saved in %1. Sessions in the file: %2. Give this file to your care team.</source>
        <translation>Guardado en %1. Sesiones en el archivo: %2. Dale este archivo a tu equipo de salud.</translation>
    </message>
    <message>
        <source>Open a plan file</source>
        <translation>Abrir un archivo de plan</translation>
    </message>
    <message>
        <source>Selfcare plan (*.json)</source>
        <translation>Plan de Selfcare (*.json)</translation>
    </message>
    <message>
        <source>Save my log</source>
        <translation>Guardar mi registro</translation>
    </message>
    <message>
        <source>Selfcare log (*.json)</source>
        <translation>Registro de Selfcare (*.json)</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Done of due</source>
        <translation>Hechas de previstas</translation>
    </message>
    <message>
        <source>Last session</source>
        <translation>Última sesión</translation>
    </message>
    <message>
        <source>Pain before sessions, 4 weeks</source>
        <translation>Dolor antes de las sesiones, 4 semanas</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Sin plan</translation>
    </message>
    <message>
        <source>Nothing due yet</source>
        <translation>Aún nada previsto</translation>
    </message>
    <message>
        <source>%3 % (%1 of %2)</source>
        <translation>%3 % (%1 de %2)</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguna aún</translation>
    </message>
    <message>
        <source>– too few ratings</source>
        <translation>– muy pocas valoraciones</translation>
    </message>
    <message>
        <source>↘ going down</source>
        <translation>↘ va bajando</translation>
    </message>
    <message>
        <source>↗ going up</source>
        <translation>↗ va subiendo</translation>
    </message>
    <message>
        <source>→ no clear trend</source>
        <translation>→ sin tendencia clara</translation>
    </message>
    <message>
        <source>, mean %1</source>
        <translation>, media %1</translation>
    </message>
    <message>
        <source>Done %1, missed %2, still to come %3</source>
        <translation>Hechas %1, no hechas %2, por venir %3</translation>
    </message>
    <message>
        <source>%1 pain ratings before sessions in the last 4 weeks.</source>
        <translation>%1 valoraciones del dolor antes de las sesiones en las últimas 4 semanas.</translation>
    </message>
    <message>
        <source>Slope %1 points a week (95 % interval %2 to %3).</source>
        <translation>Pendiente de %1 puntos por semana (intervalo del 95 %: %2 a %3).</translation>
    </message>
</context>
<context>
    <name>OverviewTable</name>
    <message>
        <source>All patients</source>
        <translation>Todos los pacientes</translation>
    </message>
</context>
<context>
    <name>PainChart</name>
    <message>
        <source>Pain from 0 (none) to 10 (worst), by date</source>
        <translation>Dolor de 0 (nada) a 10 (el peor), por fecha</translation>
    </message>
    <message>
        <source>Before the session (hollow)</source>
        <translation>Antes de la sesión (hueco)</translation>
    </message>
    <message>
        <source>After the session (filled)</source>
        <translation>Después de la sesión (relleno)</translation>
    </message>
    <message>
        <source>Other sessions</source>
        <translation>Otras sesiones</translation>
    </message>
    <message>
        <source>Monthly average before</source>
        <translation>Promedio mensual antes</translation>
    </message>
    <message>
        <source>Monthly average after</source>
        <translation>Promedio mensual después</translation>
    </message>
    <message>
        <source>Weekly average before</source>
        <translation>Promedio semanal antes</translation>
    </message>
    <message>
        <source>Weekly average after</source>
        <translation>Promedio semanal después</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Who is practising?</source>
        <translation>¿Quién va a practicar?</translation>
    </message>
    <message>
        <source>Choose your name. You will see only your own sessions and ratings.</source>
        <translation>Elige tu nombre. Solo verás tus propias sesiones y calificaciones.</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Tu PIN</translation>
    </message>
    <message>
        <source>Open my sessions</source>
        <translation>Abrir mis sesiones</translation>
    </message>
    <message>
        <source>Guest (not saved to a patient)</source>
        <translation>Invitado (no se guarda con ningún paciente)</translation>
    </message>
    <message>
        <source>%1, please type your PIN.</source>
        <translation>%1, escribe tu PIN.</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again, or ask the clinic team.</source>
        <translation>Ese PIN no es correcto. Inténtalo de nuevo o pregunta al equipo de la clínica.</translation>
    </message>
</context>
<context>
    <name>PinWait</name>
    <message>
        <source>You can try again now.</source>
        <translation>Ya puedes volver a intentarlo.</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message>
        <source>Please wait 1 second.</source>
        <translation>Espera 1 segundo.</translation>
    </message>
    <message>
        <source>Please wait %1 seconds.</source>
        <translation>Espera %1 segundos.</translation>
    </message>
    <message>
        <source>After several wrong tries, Selfcare waits before the next one.</source>
        <translation>Después de varios intentos fallidos, Selfcare espera antes del siguiente.</translation>
    </message>
</context>
<context>
    <name>PlanBuilder</name>
    <message>
        <source>How often</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Weekly for 10 weeks, then monthly to week 26 (as in the IMPACT trial)</source>
        <translation>Semanal 10 semanas y mensual hasta la semana 26 (estudio IMPACT)</translation>
    </message>
    <message>
        <source>Weekly for 12 weeks (as in 12-week group programmes such as IPMP)</source>
        <translation>Semanal 12 semanas (como en programas grupales, p. ej. IPMP)</translation>
    </message>
    <message>
        <source>Every day for 4 weeks</source>
        <translation>Todos los días durante 4 semanas</translation>
    </message>
    <message>
        <source>Chosen days of the week, from a start to an end date</source>
        <translation>Días elegidos de la semana, entre una fecha de inicio y una de fin</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Remind at</source>
        <translation>Recordar a las</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Any of the chosen sessions counts as the practice that is due; Today suggests them in turn.</source>
        <translation>Cualquiera de las sesiones elegidas cuenta como la práctica prevista; la página Hoy las sugiere por turnos.</translation>
    </message>
    <message>
        <source>Choose at least one day of the week, and an end on or after the start.</source>
        <translation>Elige al menos un día de la semana y una fecha de fin igual o posterior a la de inicio.</translation>
    </message>
    <message>
        <source>Practices due: %1, from %2 to %3.</source>
        <translation>Prácticas previstas: %1, del %2 al %3.</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Words being spoken</source>
        <translation>Lo que se está diciendo</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Qué hacer ahora</translation>
    </message>
    <message>
        <source>Seconds left to hold</source>
        <translation>Segundos que quedan por mantener</translation>
    </message>
    <message>
        <source>Where to find the point</source>
        <translation>Dónde encontrar el punto</translation>
    </message>
    <message>
        <source>Session progress</source>
        <translation>Progreso de la sesión</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation>Pausar o continuar (Espacio)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Paso siguiente</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Texto completo</translation>
    </message>
    <message>
        <source>Read every step&apos;s words</source>
        <translation>Leer las palabras de todos los pasos</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Terminar sesión</translation>
    </message>
    <message>
        <source>End now and rate your pain</source>
        <translation>Terminar ahora y calificar tu dolor</translation>
    </message>
    <message>
        <source>Voice volume</source>
        <translation>Volumen de la voz</translation>
    </message>
    <message>
        <source>Background volume</source>
        <translation>Volumen del sonido de fondo</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Fondo</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Follow the circle: breathe in as it grows, and out as it gets smaller.</source>
        <translation>Sigue el círculo: inhala mientras crece y exhala mientras se hace más pequeño.</translation>
    </message>
    <message>
        <source>Keep pressing in small, slow circles — firm, never painful</source>
        <translation>Sigue presionando en círculos pequeños y lentos — con firmeza, nunca hasta que duela</translation>
    </message>
    <message>
        <source>Hold gently — never to the point of pain</source>
        <translation>Mantén con suavidad — nunca hasta que duela</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Escucha</translation>
    </message>
    <message>
        <source>Rest and breathe easily</source>
        <translation>Descansa y respira con calma</translation>
    </message>
    <message>
        <source>The session has ended</source>
        <translation>La sesión terminó</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>Choose the number that fits best. There is no right answer.</source>
        <translation>Elige el número que mejor se ajuste. No hay una respuesta correcta.</translation>
    </message>
    <message>
        <source>Skip this question</source>
        <translation>Omitir esta pregunta</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nada</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Leve</translation>
    </message>
    <message>
        <source>More than mild</source>
        <translation>Más que leve</translation>
    </message>
    <message>
        <source>Saved as skipped, not as 0</source>
        <translation>Se guarda como sin responder, no como 0</translation>
    </message>
    <message>
        <source>Not this week</source>
        <translation>Esta semana no</translation>
    </message>
    <message>
        <source>The weekly questions are saved as skipped and asked again next week</source>
        <translation>Las preguntas semanales se guardan como omitidas y se vuelven a hacer la próxima semana</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Any soreness or bruising where you pressed?</source>
        <translation>¿Tienes dolor al tacto o algún moretón donde presionaste?</translation>
    </message>
    <message>
        <source>This helps your care team keep pressing safe for you.</source>
        <translation>Esto ayuda a tu equipo de salud a que presionar siga siendo seguro para ti.</translation>
    </message>
    <message>
        <source>This question is shown in English: it belongs to the ESAS-r questionnaire, whose words may not be changed, and its validated translation is not included yet.</source>
        <translation>Esta pregunta se muestra en inglés: es parte del cuestionario ESAS-r, cuyas palabras no se pueden cambiar, y su traducción validada aún no está incluida.</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Antes: %1</translation>
    </message>
    <message>
        <source>How much pain do you have right now?</source>
        <translation>¿Cuánto dolor tienes en este momento?</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Empezar la sesión</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Después: %1</translation>
    </message>
    <message>
        <source>And now, how much pain do you have?</source>
        <translation>Y ahora, ¿cuánto dolor tienes?</translation>
    </message>
    <message>
        <source>question %1 of %2</source>
        <translation>pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>RatingScale</name>
    <message>
        <source>0 = No pain</source>
        <translation>0 = Sin dolor</translation>
    </message>
    <message>
        <source>10 = Worst pain you can imagine</source>
        <translation>10 = El peor dolor que puedas imaginar</translation>
    </message>
    <message>
        <source>0 means no pain, 10 means the worst pain you can imagine. Use the arrow keys or type a number, then press Enter.</source>
        <translation>0 significa sin dolor, 10 significa el peor dolor que puedas imaginar. Usa las teclas de flecha o escribe un número, y luego presiona Enter.</translation>
    </message>
    <message>
        <source>0 = %1</source>
        <translation>0 = %1</translation>
    </message>
    <message>
        <source>10 = %1</source>
        <translation>10 = %1</translation>
    </message>
    <message>
        <source>0 means %1, 10 means %2. Use the arrow keys or type a number, then press Enter.</source>
        <translation>0 significa %1, 10 significa %2. Usa las flechas o escribe un número y luego pulsa Intro.</translation>
    </message>
    <message>
        <source>%1, from 0 to 10, nothing chosen yet</source>
        <translation>%1, de 0 a 10, aún sin elegir</translation>
    </message>
    <message>
        <source>Pain rating from 0 to 10, nothing chosen yet</source>
        <translation>Calificación del dolor de 0 a 10, todavía sin elegir</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Pain rating: %1</source>
        <translation>Calificación del dolor: %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>0, no pain</source>
        <translation>0, sin dolor</translation>
    </message>
    <message>
        <source>10, worst pain you can imagine</source>
        <translation>10, el peor dolor que puedas imaginar</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Open Selfcare</source>
        <translation>Abrir Selfcare</translation>
    </message>
    <message>
        <source>Quit Selfcare</source>
        <translation>Salir de Selfcare</translation>
    </message>
    <message>
        <source>Selfcare is still here</source>
        <translation>Selfcare sigue aquí</translation>
    </message>
    <message>
        <source>It stays in this corner to remind you of your plan. To close it completely, choose Quit Selfcare from this icon&apos;s menu.</source>
        <translation>Se queda en esta esquina para recordarte tu plan. Para cerrarlo del todo, elige Salir de Selfcare en el menú de este icono.</translation>
    </message>
    <message>
        <source>Time for your practice</source>
        <translation>Es hora de tu práctica</translation>
    </message>
    <message>
        <source>Your plan has a session for today. Open Selfcare when you are ready.</source>
        <translation>Tu plan tiene una sesión para hoy. Abre Selfcare cuando quieras.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Since the plan began</source>
        <translation>Desde el inicio del plan</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Últimas 4 semanas</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Últimos 3 meses</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Últimos 12 meses</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>Idioma del informe</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save for a health record (FHIR)…</source>
        <translation>Guardar para una historia clínica (FHIR)…</translation>
    </message>
    <message>
        <source>Plan and safety</source>
        <translation>Plan y seguridad</translation>
    </message>
    <message>
        <source>All patients</source>
        <translation>Todos los pacientes</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
</context>
<context>
    <name>SafetyForm</name>
    <message>
        <source>Pregnant, or may be pregnant</source>
        <translation>Embarazada, o puede estarlo</translation>
    </message>
    <message>
        <source>Low platelets, bleeds or bruises easily, or takes blood thinners</source>
        <translation>Plaquetas bajas, sangrados o moretones fáciles, o anticoagulantes</translation>
    </message>
    <message>
        <source>Numb hands (neuropathy)</source>
        <translation>Manos entumecidas (neuropatía)</translation>
    </message>
    <message>
        <source>Numb feet (neuropathy)</source>
        <translation>Pies entumecidos (neuropatía)</translation>
    </message>
    <message>
        <source>Lymphoedema, or at risk of it</source>
        <translation>Linfedema, o riesgo de tenerlo</translation>
    </message>
    <message>
        <source>Bone metastases</source>
        <translation>Metástasis óseas</translation>
    </message>
    <message>
        <source>A line, drain or port</source>
        <translation>Vía, drenaje o puerto (catéter)</translation>
    </message>
    <message>
        <source>Recent surgery</source>
        <translation>Cirugía reciente</translation>
    </message>
    <message>
        <source>A note (it goes home in the plan file, where the patient can read it)</source>
        <translation>Una nota (va a casa en el archivo del plan, donde el paciente puede leerla)</translation>
    </message>
    <message>
        <source>Safety note</source>
        <translation>Nota de seguridad</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Changes apply at once and are remembered on this computer.</source>
        <translation>Los cambios se aplican enseguida y se guardan en esta computadora.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The words on screen and the spoken sessions.</source>
        <translation>Las palabras en pantalla y las sesiones habladas.</translation>
    </message>
    <message>
        <source>Use this language</source>
        <translation>Usar este idioma</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Text size %1</source>
        <translation>Tamaño del texto %1</translation>
    </message>
    <message>
        <source>Make all text this size</source>
        <translation>Mostrar todo el texto de este tamaño</translation>
    </message>
    <message>
        <source>Seeing and reading</source>
        <translation>Ver y leer</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Light text on black, with strong outlines</source>
        <translation>Texto claro sobre negro, con bordes marcados</translation>
    </message>
    <message>
        <source>Less motion</source>
        <translation>Menos movimiento</translation>
    </message>
    <message>
        <source>The breathing circle stays still; the words say when to breathe</source>
        <translation>El círculo de respiración no se mueve; las palabras indican cuándo respirar</translation>
    </message>
    <message>
        <source>Show the words being spoken</source>
        <translation>Mostrar las palabras que se dicen</translation>
    </message>
    <message>
        <source>Captions during sessions</source>
        <translation>Subtítulos durante las sesiones</translation>
    </message>
    <message>
        <source>Your care team</source>
        <translation>Tu equipo de salud</translation>
    </message>
    <message>
        <source>Your care team may give you a plan file to open here, and ask for your log file, which holds your sessions and ratings since the plan began. Nothing is sent anywhere: you carry the files.</source>
        <translation>Tu equipo de salud puede darte un archivo de plan para abrirlo aquí, y pedirte tu archivo de registro, que contiene tus sesiones y calificaciones desde que empezó el plan. No se envía nada a ningún lado: tú llevas los archivos.</translation>
    </message>
    <message>
        <source>Open a plan file…</source>
        <translation>Abrir un archivo de plan…</translation>
    </message>
    <message>
        <source>Save my log for the care team…</source>
        <translation>Guardar mi registro para el equipo de salud…</translation>
    </message>
    <message>
        <source>Start Selfcare when I log in</source>
        <translation>Abrir Selfcare al iniciar sesión</translation>
    </message>
    <message>
        <source>So that plan reminders can appear; off unless you turn it on</source>
        <translation>Para que aparezcan los recordatorios del plan; desactivado a menos que lo actives</translation>
    </message>
    <message>
        <source>Clinician mode…</source>
        <translation>Modo clínico…</translation>
    </message>
    <message>
        <source>For the clinical team; needs the clinician PIN</source>
        <translation>Para el equipo clínico; requiere el PIN clínico</translation>
    </message>
    <message>
        <source>Questions with each session</source>
        <translation>Preguntas con cada sesión</translation>
    </message>
    <message>
        <source>Pain before and after is always asked, and any question can be skipped. Your care team may suggest which of these to use.</source>
        <translation>El dolor antes y después siempre se pregunta, y cualquier pregunta se puede saltar. Tu equipo de salud puede sugerirte cuáles usar.</translation>
    </message>
    <message>
        <source>Muscle tension, before and after</source>
        <translation>Tensión muscular, antes y después</translation>
    </message>
    <message>
        <source>How tense your muscles feel, 0 to 10</source>
        <translation>Qué tan tensos sientes los músculos, de 0 a 10</translation>
    </message>
    <message>
        <source>Tiredness, before and after (ESAS-r)</source>
        <translation>Cansancio, antes y después (ESAS-r, en inglés)</translation>
    </message>
    <message>
        <source>From the Edmonton Symptom Assessment System, revised</source>
        <translation>Del Edmonton Symptom Assessment System revisado (ESAS-r); se muestra en inglés</translation>
    </message>
    <message>
        <source>Anxiety, before and after (ESAS-r)</source>
        <translation>Ansiedad, antes y después (ESAS-r, en inglés)</translation>
    </message>
    <message>
        <source>Wellbeing, before and after (ESAS-r)</source>
        <translation>Bienestar, antes y después (ESAS-r, en inglés)</translation>
    </message>
    <message>
        <source>After acupressure: any soreness or bruising</source>
        <translation>Después de la acupresión: dolor al tacto o moretones</translation>
    </message>
    <message>
        <source>A safety question for your care team</source>
        <translation>Una pregunta de seguridad para tu equipo de salud</translation>
    </message>
    <message>
        <source>Once a week: three questions about the past week</source>
        <translation>Una vez por semana: tres preguntas sobre la última semana</translation>
    </message>
    <message>
        <source>Pain, and how it got in the way of enjoying life and daily activity</source>
        <translation>El dolor, y cuánto te impidió disfrutar de la vida y hacer tus actividades</translation>
    </message>
    <message>
        <source>A place for a note after each session</source>
        <translation>Un espacio para una nota después de cada sesión</translation>
    </message>
    <message>
        <source>Optional; kept with your sessions and in the CSV file</source>
        <translation>Opcional; se guarda con tus sesiones y en el archivo CSV</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>If your pain is new, much worse, or not controlled by your usual treatment, contact your care team.</source>
        <translation>Si tu dolor es nuevo, mucho más fuerte o no se controla con tu tratamiento habitual, comunícate con tu equipo de salud.</translation>
    </message>
    <message>
        <source>A note about this session (optional)</source>
        <translation>Una nota sobre esta sesión (opcional)</translation>
    </message>
    <message>
        <source>How it went, or anything your care team should know. Kept on this computer with your sessions.</source>
        <translation>Cómo te fue, o algo que tu equipo de salud deba saber. Se guarda en esta computadora con tus sesiones.</translation>
    </message>
    <message>
        <source>A note about this session</source>
        <translation>Una nota sobre esta sesión</translation>
    </message>
    <message>
        <source>Save the note</source>
        <translation>Guardar la nota</translation>
    </message>
    <message>
        <source>See my history</source>
        <translation>Ver mi historial</translation>
    </message>
    <message>
        <source>Back to sessions</source>
        <translation>Volver a las sesiones</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>Bien hecho</translation>
    </message>
    <message>
        <source>Session ended early</source>
        <translation>La sesión terminó antes de tiempo</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>Pain before %1 → after %2</source>
        <translation>Dolor antes: %1 → después: %2</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
    <message>
        <source>The note could not be saved just now (%1). It is still here; please try again.</source>
        <translation>La nota no se pudo guardar en este momento (%1). Sigue aquí; inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Thank you. Your session has been saved.</source>
        <translation>Gracias. Tu sesión se guardó.</translation>
    </message>
    <message>
        <source>That is a noticeable drop. One session is a snapshot; your history shows the pattern over time.</source>
        <translation>Es una disminución notable. Una sola sesión es como una foto de un momento; tu historial muestra la tendencia a lo largo del tiempo.</translation>
    </message>
    <message>
        <source>A small drop. Changes from one session vary; your history shows the pattern over time.</source>
        <translation>Una disminución pequeña. Los cambios varían de una sesión a otra; tu historial muestra la tendencia a lo largo del tiempo.</translation>
    </message>
    <message>
        <source>About the same as before. That is common; some sessions help more on other days.</source>
        <translation>Más o menos igual que antes. Es algo común; algunas sesiones ayudan más en otros días.</translation>
    </message>
    <message>
        <source>Your pain is higher than before. Rest, and if it keeps rising, contact your care team.</source>
        <translation>Tu dolor es mayor que antes. Descansa y, si sigue aumentando, comunícate con tu equipo de salud.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Other sessions in your plan</source>
        <translation>Otras sesiones de tu plan</translation>
    </message>
    <message>
        <source>Changed for you by your care team</source>
        <translation>Cambios que tu equipo de salud hizo para ti</translation>
    </message>
    <message>
        <source>These follow what your care team marked. If something seems wrong, ask them.</source>
        <translation>Esto sigue lo que marcó tu equipo de salud. Si algo no te parece bien, pregúntales.</translation>
    </message>
    <message>
        <source>See all sessions</source>
        <translation>Ver todas las sesiones</translation>
    </message>
    <message>
        <source>Hello, %1.</source>
        <translation>Hola, %1.</translation>
    </message>
    <message>
        <source>Done so far: %1. Missed: %2. Still to come: %3.</source>
        <translation>Hechas hasta ahora: %1. Perdidas: %2. Por hacer: %3.</translation>
    </message>
    <message>
        <source>Suggested next: %1</source>
        <translation>Próxima sesión sugerida: %1</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Empezar: %1</translation>
    </message>
    <message>
        <source>Your plan has ended. You can still use any session.</source>
        <translation>Tu plan terminó. Puedes seguir usando cualquier sesión.</translation>
    </message>
    <message>
        <source>Your next practice is due from %1.</source>
        <translation>Tu próxima práctica es a partir del %1.</translation>
    </message>
    <message>
        <source>A session is due today.</source>
        <translation>Hoy te toca una sesión.</translation>
    </message>
    <message>
        <source>A session is due by %1.</source>
        <translation>Te toca una sesión, a más tardar el %1.</translation>
    </message>
    <message>
        <source>Done for now. Your next practice is due from %1.</source>
        <translation>Listo por ahora. Tu próxima práctica es a partir del %1.</translation>
    </message>
</context>
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Transcript: %1</source>
        <translation>Texto completo: %1</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Texto completo</translation>
    </message>
    <message>
        <source>Every step&apos;s words</source>
        <translation>Las palabras de cada paso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Ahora:</translation>
    </message>
</context>
<context>
    <name>WeeklyCheckPanel</name>
    <message>
        <source>Weekly check</source>
        <translation>Revisión semanal</translation>
    </message>
    <message>
        <source>Three questions once a week about the past week: pain, and how much it got in the way of enjoying life and of daily activity. The score is their average, from 0 to 10; lower means pain got in the way less.</source>
        <translation>Tres preguntas una vez por semana sobre la última semana: el dolor, y cuánto te impidió disfrutar de la vida y hacer tus actividades. La puntuación es su promedio, de 0 a 10; más baja significa que el dolor interfirió menos.</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semana del %1</translation>
    </message>
    <message>
        <source>%1: skipped</source>
        <translation>%1: omitida</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: no score, a question was skipped (%2)</source>
        <translation>%1: sin puntuación, se omitió una pregunta (%2)</translation>
    </message>
    <message>
        <source>%1: score %2 (%3)</source>
        <translation>%1: puntuación %2 (%3)</translation>
    </message>
</context>
<context>
    <name>WhatHelpsPanel</name>
    <message>
        <source>What helps me</source>
        <translation>Lo que me ayuda</translation>
    </message>
    <message>
        <source>From every session you rated before and after, whatever range the chart shows.</source>
        <translation>A partir de todas las sesiones que calificaste antes y después, sea cual sea el período que muestre el gráfico.</translation>
    </message>
    <message>
        <source>Show each session</source>
        <translation>Mostrar cada sesión</translation>
    </message>
    <message>
        <source>These are your own ratings. They cannot show why your pain changed, and they do not replace your care team&apos;s advice. Every session you rate adds to this picture.</source>
        <translation>Son tus propias calificaciones. No pueden mostrar por qué cambió tu dolor y no sustituyen los consejos de tu equipo de salud. Cada sesión que calificas suma a este panorama.</translation>
    </message>
    <message>
        <source>Hide each session</source>
        <translation>Ocultar cada sesión</translation>
    </message>
    <message>
        <source>Not enough yet (rated before and after so far: %1). From %2, this shows what your ratings say.</source>
        <translation>Todavía no hay suficientes (calificadas antes y después hasta ahora: %1). A partir de %2, aquí verás lo que dicen tus calificaciones.</translation>
    </message>
    <message>
        <source>Pain fell by 2 points or more (or by 30 % or more) in %1 of the %2 sessions you rated before and after.</source>
        <translation>El dolor bajó 2 puntos o más (o un 30 % o más) en %1 de las %2 sesiones que calificaste antes y después.</translation>
    </message>
    <message>
        <source>On average your pain was %1 points lower after (likely range %2 to %3 points).</source>
        <translation>En promedio, tu dolor fue %1 puntos más bajo después (rango probable de %2 a %3 puntos).</translation>
    </message>
    <message>
        <source>On average your pain was %1 points higher after (likely range %2 to %3 points). It may help to tell your care team.</source>
        <translation>En promedio, tu dolor fue %1 puntos más alto después (rango probable de %2 a %3 puntos). Puede ayudar contárselo a tu equipo de salud.</translation>
    </message>
    <message>
        <source>Your pain was the same before and after each time.</source>
        <translation>Tu dolor fue el mismo antes y después cada vez.</translation>
    </message>
    <message>
        <source>No clear difference yet between before and after: the likely range, from %1 points lower to %2 points higher, includes no change.</source>
        <translation>Todavía no hay una diferencia clara entre antes y después: el rango probable, de %1 puntos más bajo a %2 puntos más alto, incluye que no haya cambio.</translation>
    </message>
    <message>
        <source>Week by week, your pain before sessions has been going down.</source>
        <translation>Semana a semana, tu dolor antes de las sesiones ha ido bajando.</translation>
    </message>
    <message>
        <source>Week by week, your pain before sessions has been going up. It may help to tell your care team.</source>
        <translation>Semana a semana, tu dolor antes de las sesiones ha ido subiendo. Puede ayudar contárselo a tu equipo de salud.</translation>
    </message>
    <message>
        <source>Week by week, your pain before sessions shows no clear trend up or down yet.</source>
        <translation>Semana a semana, tu dolor antes de las sesiones todavía no muestra una tendencia clara hacia arriba ni hacia abajo.</translation>
    </message>
    <message>
        <source>Week by week: not enough yet (weeks with a rating before a session: %1). From %2 weeks, this shows whether your pain before sessions is going down or up.</source>
        <translation>Semana a semana: todavía no hay suficiente (semanas con una calificación antes de una sesión: %1). A partir de %2 semanas, aquí verás si tu dolor antes de las sesiones baja o sube.</translation>
    </message>
</context>
</TS>
