"""The text `course new` writes: a quiz, a case and a module page to start from.

The quiz and the case are complete, worked examples rather than empty forms, because `make check` runs
`course lint` too: five options, a vignette long enough to reason from, feedback that says why, an
objective, tags and a difficulty. An instructor who runs `make check` before writing anything sees the
course pass, and then replaces the example with their own question. The placeholders in braces are
filled by scaffold.py with values the course accepts (its module, a reference key, an objective id and
tags of its own vocabulary).
"""

QUIZ = """\
# An example to replace: two complete questions that pass `make check` (course check and course lint).
# Write your own in their place, keeping the fields; docs/authoring.md explains each one.
id: {id}
title: {title}
module: {module}
description: What this quiz covers, in a sentence.
questions:
  - id: {id}-1
    type: single
    stem: |
      A 71-year-old woman is brought in by her daughter because over ten days she has found it
      harder to climb the stairs and to lift her arms to brush her hair. She started atorvastatin
      two months ago and her thighs ache. Hip flexion and shoulder abduction are weak, reflexes are
      normal and sensation is intact. Her creatine kinase is 4,800 U/L. What is the most likely diagnosis?
    options:
      - text: A statin-associated myopathy
        correct: true
        feedback: Proximal weakness with aching muscles and a high creatine kinase after starting a statin points to the muscle.
      - text: Guillain-Barré syndrome
        correct: false
        feedback: Her reflexes and sensation are normal, and the creatine kinase is not raised in a neuropathy.
      - text: Polymyalgia rheumatica
        correct: false
        feedback: It causes pain and stiffness rather than true weakness, and the creatine kinase stays normal.
      - text: Generalised myasthenia gravis
        correct: false
        feedback: Myasthenic weakness fluctuates and often involves the eyes, and it does not raise the creatine kinase.
      - text: Lambert-Eaton myasthenic syndrome
        correct: false
        feedback: It depresses the reflexes, brings a dry mouth, and leaves the creatine kinase normal.
    explanation: |
      Proximal, symmetrical weakness with normal reflexes and sensation places the lesion in the muscle, and a
      raised creatine kinase confirms muscle injury. A statin started weeks before is the likeliest cause.
    references: [{reference}]
    objective: {objective}
    tags: {tags}
    difficulty: easy
  - id: {id}-2
    type: single
    stem: |
      A 28-year-old woman has had severe abdominal pain and vomiting for four days, with no cause found on
      a scan. Since yesterday her arms have become weak, more at the shoulders than the hands. Her urine
      has darkened on standing, her heart rate is 118/min and her sodium is 126 mmol/L. Which test is most
      likely to confirm the diagnosis today?
    options:
      - text: Urine porphobilinogen
        correct: true
        feedback: A raised urinary porphobilinogen in an attack confirms an acute porphyria, and the result can come the same day.
      - text: Nerve conduction studies
        correct: false
        feedback: They may show an axonal motor neuropathy, which fits but does not name the cause.
      - text: Lumbar puncture
        correct: false
        feedback: The fluid is usually normal in a porphyric neuropathy, so it will not confirm the cause.
      - text: MRI of the cervical spine
        correct: false
        feedback: Abdominal pain, dark urine and low sodium point away from the cord, towards a metabolic cause.
      - text: Acetylcholine receptor antibodies
        correct: false
        feedback: Myasthenia does not explain abdominal pain, dark urine or a low sodium in this young woman.
    explanation: |
      Abdominal pain, dark urine, a fast heart rate, hyponatraemia and then motor weakness suggest an attack of
      acute porphyria. A spot urine porphobilinogen confirms it quickly, and treatment should not wait for more tests.
    references: [{reference}]
    objective: {objective}
    tags: {tags}
    difficulty: medium
"""

CASE_TITLE = "Drowsy with heavy legs on the labour ward"  # the example's presenting problem, when no --title is given

CASE = """\
# An example to replace: a complete case that passes `make check` (course check and course lint).
# Write your own story in its place, keeping the fields; docs/authoring.md explains each one.
id: {id}
title: {title}
module: {module}
diagnosis: Magnesium toxicity during treatment of pre-eclampsia
summary: |
  A 32-year-old woman, 34 weeks pregnant, was admitted this morning with severe pre-eclampsia and started
  on an intravenous infusion to prevent seizures. In the evening the midwife calls you because she is
  drowsy and her legs feel heavy.
tags: {tags}
stages:
  - id: {id}-1
    title: Labour ward, evening
    narrative: |
      She answers slowly but sensibly. She cannot lift her legs off the bed, her knee and ankle jerks are
      absent, and her speech is slurred. Her urine output has been 15 mL an hour for the last four hours.
    findings:
      - title: Observations
        rows:
          - {{name: Respiratory rate, value: 10, unit: /min, reference: 12-20, flag: low}}
          - {{name: Oxygen saturation (air), value: 95, unit: "%", reference: 94-100}}
          - {{name: Serum magnesium, value: 4.1, unit: mmol/L, reference: 2.0-3.5 on treatment, flag: high}}
    decision:
      type: single
      stem: What do you do first?
      options:
        - text: Stop the infusion and give intravenous calcium gluconate
          correct: true
          feedback: Stopping the source and giving calcium reverses the block at the junction while the kidneys clear the excess.
        - text: Continue the infusion at half the rate and recheck in two hours
          correct: false
          feedback: Her breathing is already slowing, and with little urine the level will keep rising for hours.
          next: {id}-3
        - text: Request an urgent MRI of the whole spine for her weak legs
          correct: false
          feedback: Absent reflexes and slurred speech with a high level point to the drug, not to the cord.
          next: {id}-3
        - text: Give a dose of intravenous immunoglobulin for a neuropathy
          correct: false
          feedback: Nothing here suggests an immune neuropathy, and the treatment would take days to act.
          next: {id}-3
      explanation: |
        Magnesium blocks acetylcholine release, so reflexes go first and breathing follows. Stop the infusion,
        give calcium, support breathing and measure the level again.
      references: [{reference}]
      objective: {objective}
      tags: {tags}
      difficulty: medium
  - id: {id}-2
    title: The next morning
    narrative: |
      Within an hour of the calcium her breathing settled. Overnight her urine output rose, and by morning
      her reflexes had returned and she could lift her legs.
    debrief: |
      Reflexes were the early warning. Checking them with the urine output every hour during the infusion finds
      a rising level before breathing fails.
  - id: {id}-3
    title: Called back an hour later
    narrative: |
      The midwife calls again: she is hard to rouse and breathing six times a minute. The anaesthetist
      intubates her and she is moved to intensive care.
    debrief: |
      The infusion went on while her kidneys could not clear it. Absent reflexes and a falling breathing rate
      meant stop the infusion and give calcium, before anything else.
teaching_points:
  - Check the reflexes, the breathing rate and the urine output every hour during a magnesium infusion.
  - Stop the infusion and give calcium gluconate when reflexes are lost or breathing slows.
references: [{reference}]
"""

MODULE = """\
---
order: {order}
short_title: {title}
summary: What the module covers, in two or three sentences.
objectives:
  - id: {id}-1
    text: Write the first learning objective, starting with a verb.
---

# Module {order}: {title}

[module: {id}]
"""
