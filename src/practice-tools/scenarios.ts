/**
 * Short practice scenarios for OARS (open questions, affirmations, reflections,
 * summaries). Written for the Hub: every person and situation is made up, and
 * the model answers are one good answer each, not the only one.
 */
export interface Scenario {
  id: string;
  title: string;
  /** Who the practitioner is talking to, and where. */
  setting: string;
  /** What the person has just said. */
  says: string;
  model: { question: string; affirmation: string; reflection: string; summary: string };
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'unsure-about-plan',
    title: 'A parent unsure about the plan',
    setting: 'A mother, after a child in need meeting, in the corridor.',
    says: 'I signed it because everyone was looking at me. I am not sure the parenting course is for me, I did one years ago.',
    model: {
      question: 'What would you want a course to give you this time?',
      affirmation: 'You came to the meeting and stayed to the end, even though it was hard to hear.',
      reflection:
        'It sounds like you felt pushed into agreeing, and you are not sure the course will be any different.',
      summary:
        'So you signed the plan while feeling under pressure, you have done a course before, and you want to know this one will be worth your time. Have I got that right?',
    },
  },
  {
    id: 'does-not-want-to-talk',
    title: 'A young person who does not want to talk',
    setting: 'A 14-year-old at home, headphones on, at a statutory visit.',
    says: 'Whatever. You lot just write stuff down anyway.',
    model: {
      question: 'What would make it worth your while to talk to me today?',
      affirmation: 'You have been straight with me about how you see it, and I respect that.',
      reflection: 'It sounds like talking to social workers has not changed much for you so far.',
      summary:
        'So you are fed up with being asked things, you are not sure what happens to what you say, and you would rather we kept it short. Is that fair?',
    },
  },
  {
    id: 'carer-feels-judged',
    title: 'A foster carer who feels judged',
    setting: 'A foster carer on the phone after a placement review.',
    says: 'I have looked after children for twelve years and now I am being told how to do bedtime.',
    model: {
      question: 'How did the review feel from where you were sitting?',
      affirmation: 'You bring twelve years of experience of caring for children.',
      reflection: 'You are feeling that your experience was overlooked in the review.',
      summary:
        'So you have cared for children for twelve years, the comments about bedtime felt like criticism, and you want your experience recognised. Did I miss anything?',
    },
  },
  {
    id: 'father-drinking',
    title: 'A father who drinks more than he says',
    setting: 'A father at a home visit; there are cans in the recycling.',
    says: 'I only have a few at the weekend. It is not a problem, it helps me sleep.',
    model: {
      question: 'What does a weekend look like for you and the kids?',
      affirmation: 'You have been honest with me that you drink at weekends.',
      reflection: 'It sounds like a drink helps you switch off and get some sleep.',
      summary:
        'So you drink at the weekend, it helps you sleep, and you do not see it as a problem right now. Have I understood?',
    },
  },
  {
    id: 'mum-domestic-abuse',
    title: 'A mother who minimises abuse',
    setting: 'A mother, after a police notification of an argument at home.',
    says: 'It was just an argument. He would never touch the children.',
    model: {
      question: 'What happens in the house when the two of you argue?',
      affirmation: 'You have kept the children in mind through everything you have told me.',
      reflection: 'It sounds like keeping the children out of it really matters to you.',
      summary:
        'So there was an argument, you are clear he has not hurt the children, and you want them kept out of it. Is that right?',
    },
  },
  {
    id: 'care-leaver-flat',
    title: 'A care leaver struggling in a first flat',
    setting: 'A 19-year-old in their first tenancy, with rent arrears.',
    says: 'I am fine. I just need the money sorting and everyone to leave me alone.',
    model: {
      question: 'What is the hardest part of running the flat at the moment?',
      affirmation: 'You have kept this tenancy going for six months on your own.',
      reflection: 'You want to be independent, and the money worries are getting in the way.',
      summary:
        'So the flat is yours and you want to manage it yourself, the rent has got behind, and you would like the money side sorted. Have I got that right?',
    },
  },
  {
    id: 'grandparent-kinship',
    title: 'A grandmother caring for her grandchildren',
    setting: 'A kinship carer, tired, at a support visit.',
    says: 'I love them, but I am seventy and I did not think I would be doing the school run again.',
    model: {
      question: 'What would make the week easier for you?',
      affirmation: 'You stepped in for your grandchildren when they needed someone.',
      reflection:
        'You love them dearly, and it is more than you expected to be carrying at this stage of life.',
      summary:
        'So you love the children, the school run and the pace are wearing you out, and you did not expect to be doing this now. Is that a fair summary?',
    },
  },
  {
    id: 'teen-missing',
    title: 'A teenager who has been missing overnight',
    setting: 'A return home interview with a 15-year-old.',
    says: 'I was at a mate’s. Mum overreacts. I do not see what the big deal is.',
    model: {
      question: 'What was going on for you before you went to your mate’s?',
      affirmation: 'You came back and you are talking to me, which helps us all.',
      reflection: 'It feels to you like everyone is making more of this than it was.',
      summary:
        'So you stayed at a friend’s, you think your mum overreacted, and you do not see it as a big deal. Have I got that right?',
    },
  },
  {
    id: 'parent-angry-at-worker',
    title: 'A parent angry about the last social worker',
    setting: 'A father at a first visit after a change of worker.',
    says: 'You are the fourth one this year. Why should I tell you anything?',
    model: {
      question: 'What would you want me to know that the others did not?',
      affirmation: 'You have kept going with the plan even with all the changes of worker.',
      reflection: 'You are tired of telling your story again to someone new.',
      summary:
        'So you have had four workers this year, you are tired of starting again, and you want someone who sticks around. Is that right?',
    },
  },
  {
    id: 'young-carer',
    title: 'A young carer missing school',
    setting: 'An 11-year-old who looks after a parent with a long illness.',
    says: 'Mum needs me in the mornings. School does not get it.',
    model: {
      question: 'What do your mornings look like before school?',
      affirmation: 'You do a lot to look after your mum.',
      reflection: 'Looking after your mum comes first for you, and school does not seem to understand that.',
      summary:
        'So you help your mum every morning, it makes you late or miss school, and you feel school does not understand. Did I get that right?',
    },
  },
  {
    id: 'new-baby-anxious',
    title: 'A first-time mother, anxious and alone',
    setting: 'A pre-birth assessment visit.',
    says: 'Everyone keeps telling me what to do. I just want to be left to get on with it.',
    model: {
      question: 'What kind of help would feel like help to you?',
      affirmation:
        'You have already got the cot and the clothes ready, which shows how much thought you have put in.',
      reflection: 'It sounds like all the advice is feeling more like pressure than support.',
      summary:
        'So you are getting a lot of advice, it feels like too much, and you want to do this your way. Have I understood?',
    },
  },
  {
    id: 'contact-refusal',
    title: 'A child who does not want contact',
    setting: 'A 9-year-old in care, before a contact session.',
    says: 'I do not want to go. Dad just looks at his phone.',
    model: {
      question: 'What would make contact with your dad better for you?',
      affirmation: 'You have told me clearly how you feel, that is really helpful.',
      reflection: 'You want your dad to pay attention to you when you see him.',
      summary:
        'So you do not want to go today, your dad is on his phone a lot, and you would like him to notice you. Is that right?',
    },
  },
  {
    id: 'neglect-home-conditions',
    title: 'A parent embarrassed about the house',
    setting: 'A home visit where the kitchen has not been cleaned for some time.',
    says: 'I know it looks bad. I have not had the energy since my mum died.',
    model: {
      question: 'How have things been for you since your mum died?',
      affirmation: 'You have shown courage in telling me how hard things have been.',
      reflection: 'Losing your mum has taken a lot out of you, and the house has slipped.',
      summary:
        'So your mum died, you have had little energy since, and you know the house is not how you want it. Have I got that right?',
    },
  },
  {
    id: 'resistant-to-referral',
    title: 'A parent who will not accept a referral',
    setting: 'A father offered a referral to a family support service.',
    says: 'We do not need strangers in our house. We manage.',
    model: {
      question: 'What has helped your family manage so far?',
      affirmation: 'You have kept your family together through a lot.',
      reflection: 'Managing as a family, without outsiders, matters to you.',
      summary:
        'So you manage as a family, you do not want strangers at home, and you are proud of what you have done. Have I understood?',
    },
  },
  {
    id: 'teen-cannabis',
    title: 'A young person using cannabis every day',
    setting: 'A 16-year-old at a youth centre.',
    says: 'It chills me out. Without it I cannot sleep and I get angry.',
    model: {
      question: 'What else helps you chill out, apart from smoking?',
      affirmation: 'You know yourself well: you can tell me what helps and what does not.',
      reflection: 'Cannabis feels like the thing that keeps your anger and your sleep under control.',
      summary:
        'So you smoke every day, it helps you sleep and keeps you calm, and you worry what you would be like without it. Is that right?',
    },
  },
  {
    id: 'mum-missed-appointments',
    title: 'A mother who keeps missing health appointments',
    setting: 'A mother of a toddler who has missed two health visitor checks.',
    says: 'The bus takes an hour and they always run late. I cannot take the whole day off.',
    model: {
      question: 'What would make getting to the appointments easier?',
      affirmation: 'You clearly want to get your son seen, you have been trying to fit it around work.',
      reflection: 'It sounds like the appointments just do not fit around your job and the journey.',
      summary:
        'So the journey is long, the clinic runs late, and you cannot lose a day’s pay. Have I got that right?',
    },
  },
  {
    id: 'dad-wants-more-contact',
    title: 'A father who wants more time with his children',
    setting: 'A separated father, at a visit about the child arrangements.',
    says: 'I see them every other Saturday. It is not enough, they are growing up without me.',
    model: {
      question: 'What would you like your time with the children to look like?',
      affirmation: 'You have kept every Saturday with them, and that consistency matters to them.',
      reflection: 'You are missing them, and you are worried about losing your place in their lives.',
      summary:
        'So you see the children every other Saturday, it feels like too little, and you want to be part of their everyday lives. Is that right?',
    },
  },
  {
    id: 'adopter-struggling',
    title: 'An adoptive parent at the end of their tether',
    setting: 'An adoptive mother, on the phone late in the day.',
    says: 'We were told love would be enough. It is not. He hits me and then he cries.',
    model: {
      question: 'What happens just before he hits out?',
      affirmation: 'You are still trying to understand him, even on the worst days.',
      reflection: 'This is much harder than anyone prepared you for, and you are worn out.',
      summary:
        'So your son hits out and then gets upset, it is harder than you were told, and you need more support. Have I understood?',
    },
  },
  {
    id: 'parent-learning-disability',
    title: 'A parent with a learning disability who feels talked down to',
    setting: 'A father at a core group meeting.',
    says: 'People use big words and then say I did not listen.',
    model: {
      question: 'How would you like us to explain things in meetings?',
      affirmation: 'You came today and you spoke up about what is not working, that helps us get it right.',
      reflection: 'You feel people make it hard to follow and then blame you for not following.',
      summary:
        'So the words in meetings are hard to follow, you get blamed for it, and you want things explained plainly. Is that right?',
    },
  },
  {
    id: 'teen-self-harm',
    title: 'A young person who has self-harmed',
    setting: 'A 13-year-old, after school, with a school nurse’s referral.',
    says: 'It is not a big thing. Everyone does it. I do not want my mum to know.',
    model: {
      question: 'What goes on for you around the times you hurt yourself?',
      affirmation: 'You have trusted me with something private, and that took courage.',
      reflection: 'You are worried about how your mum would react if she found out.',
      summary:
        'So you do not see it as a big thing, you think lots of people do it, and you are worried about your mum knowing. Have I got that right?',
    },
  },
  {
    id: 'unaccompanied-minor',
    title: 'A young person new to the country',
    setting: 'A 16-year-old seeking asylum, with an interpreter, in a first meeting.',
    says: 'Everyone asks the same questions. I have told my story many times.',
    model: {
      question: 'What would help you most this week?',
      affirmation: 'You have been through so much and you are still here, trying to make a new start.',
      reflection: 'You are tired of repeating your story to so many people.',
      summary:
        'So you have told your story many times, you are tired of it, and you would like help with what matters now. Is that fair?',
    },
  },
  {
    id: 'step-parent',
    title: 'A stepfather who feels left out',
    setting: 'A stepfather at a family assessment visit.',
    says: 'Nobody asks me anything. I am the one here every day.',
    model: {
      question: 'What do you see day to day that we might be missing?',
      affirmation: 'You are there for the children every day, and that counts.',
      reflection: 'It sounds like you feel invisible in this, even though you do so much.',
      summary:
        'So you are with the children every day, nobody asks for your view, and you want to be included. Have I got that right?',
    },
  },
  {
    id: 'mum-considering-change',
    title: 'A mother thinking about leaving a violent partner',
    setting: 'A mother in a quiet room at a children’s centre.',
    says: 'Part of me wants to go. But where would we live? And the kids love him.',
    model: {
      question: 'What would need to be in place for you to feel ready?',
      affirmation: 'You are thinking hard about what is best for your children.',
      reflection: 'Part of you wants to leave, and part of you is worried about the children and a home.',
      summary:
        'So part of you wants to go, you are worried about where you would live, and the children love their dad. Have I understood?',
    },
  },
];

export const scenarioById = (id: string) => SCENARIOS.find((s) => s.id === id);
